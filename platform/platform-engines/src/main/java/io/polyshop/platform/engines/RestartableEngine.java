package io.polyshop.platform.engines;

/**
 * An engine that can be stopped ({@link #close()}) and started again on the same port and data,
 * which is how outage tests and fault runs take a store or the broker away and bring it back.
 */
public interface RestartableEngine extends Engine {

    /** Starts the server again after {@link #close()}; a running one is left alone. */
    void start();

    boolean isRunning();
}
