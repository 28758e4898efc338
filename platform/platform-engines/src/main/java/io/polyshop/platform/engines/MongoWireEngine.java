package io.polyshop.platform.engines;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A server that speaks the MongoDB wire protocol (mongo-java-server, in-memory backend). MongoDB
 * itself cannot run here; see docs/adr/0003. Point {@code POLYSHOP_TEST_MONGODB_URI} or the
 * service's {@code spring.mongodb.uri} at a real MongoDB to use that instead.
 */
public final class MongoWireEngine implements Engine {

    private final MongoServer server;
    private final int port;

    private MongoWireEngine(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MongoWireEngine start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        try {
            server.bind(LoopbackPorts.HOST, port);
        } catch (RuntimeException e) {
            throw new EngineStartException(
                    "MongoDB-wire server did not start on port " + port + ": " + e.getMessage(), e);
        }
        return new MongoWireEngine(server, port);
    }

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String address() {
        return "mongodb://" + LoopbackPorts.HOST + ":" + port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
