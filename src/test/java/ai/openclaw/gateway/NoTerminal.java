package ai.openclaw.gateway;

import ai.openclaw.cli.Terminal;

/** A daemon has no person at a terminal: never interactive, no input. */
final class NoTerminal implements Terminal {
    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public char[] readSecret(String prompt) {
        return null;
    }

    @Override
    public String readLine(String prompt) {
        return null;
    }
}
