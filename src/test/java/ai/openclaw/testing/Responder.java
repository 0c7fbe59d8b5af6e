package ai.openclaw.testing;

/** How {@link FakeUpstream} answers one request; see {@link Responders} for ready-made ones. */
@FunctionalInterface
public interface Responder {
    void respond(FakeExchange exchange) throws Exception;
}
