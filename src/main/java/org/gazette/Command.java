package org.gazette;

/**
 * A command the application's jar runs instead of serving ({@code import}, {@code export}):
 * found with {@link java.util.ServiceLoader}, so that {@code main} needs to know no feature.
 */
public interface Command {

    /** Whether the arguments ask for this command. */
    boolean handles(String[] args);

    /** Runs it against the application and returns the process's exit status. */
    int run(Class<?> application, String[] args);

}
