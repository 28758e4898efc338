package io.polyshop.platform.test;

import io.polyshop.platform.engines.MongoWireEngine;
import java.nio.file.Path;

/** A MongoDB-wire engine in a JVM of its own, for a test that kills it: {@code <port> <data directory>}. */
public final class MongoWireEngineProcess {

    private MongoWireEngineProcess() {}

    public static void main(String[] args) throws InterruptedException {
        MongoWireEngine.start(Integer.parseInt(args[0]), Path.of(args[1]));
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
