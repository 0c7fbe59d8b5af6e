package ai.openclaw.gateway;

/** What a handler learned about its request, for the access log line. Mutable, confined to one request's thread. */
public final class RequestLog {
    String agent;
    String model;
    String credential;
    String attempts;
    int upstreamStatus;

    public void agent(String v) {
        agent = v;
    }

    public void model(String v) {
        model = v;
    }

    public void credential(String v) {
        credential = v;
    }

    public void attempts(String v) {
        attempts = v;
    }

    public void upstreamStatus(int v) {
        upstreamStatus = v;
    }
}
