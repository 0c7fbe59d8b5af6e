package ai.openclaw.oauth.refresh;

import ai.openclaw.store.AuthStoreRepository;
import java.util.List;

/**
 * The agents' credential stores as the refresh coordinator needs them: the main agent's, where refreshed credentials
 * are shared from (logins §2.12, §2.15), and every agent's, to mirror a refresh into. Implemented by the composition
 * root over the config and the state directory; must return current values on every call.
 */
public interface AgentStores {
    /** The main (default) agent's store. */
    AuthStoreRepository main();

    /** Every known agent's store, the main one included, each once. */
    List<AuthStoreRepository> all();
}
