package io.polyshop.platform.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasModulePlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.painless.PainlessModulePlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A single OpenSearch node running inside this JVM, with the HTTP transport, common analysis
 * (stemming, synonyms, ...) and Painless loaded from the classpath; data in {@code dataDirectory}.
 */
public final class OpenSearchEngine implements Engine {

    private static final List<Class<? extends Plugin>> PLUGINS = List.of(
            Netty4ModulePlugin.class,
            CommonAnalysisModulePlugin.class,
            PainlessModulePlugin.class,
            MapperExtrasModulePlugin.class);

    private final Node node;
    private final int port;

    private OpenSearchEngine(Node node, int port) {
        this.node = node;
        this.port = port;
    }

    public static OpenSearchEngine start(int port, int transportPort, Path dataDirectory) {
        // Other Netty users in the JVM (Redis, MongoDB clients) may have sized Netty already.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        try {
            Path home = Files.createDirectories(dataDirectory.resolve("home"));
            Settings settings = Settings.builder()
                    .put("cluster.name", "polyshop")
                    .put("node.name", "polyshop-search")
                    .put("path.home", home.toString())
                    .put(
                            "path.data",
                            Files.createDirectories(dataDirectory.resolve("data"))
                                    .toString())
                    .put("network.host", LoopbackPorts.HOST)
                    .put("http.port", port)
                    .put("transport.port", transportPort)
                    .put("discovery.type", "single-node")
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .put("action.auto_create_index", false)
                    .build();
            Environment environment = InternalSettingsPreparer.prepareEnvironment(
                    settings, Map.of(), home.resolve("config"), () -> "polyshop-search");
            Node node = new ClasspathPluginNode(environment, PLUGINS).start();
            awaitShardsAvailable(node);
            return new OpenSearchEngine(node, port);
        } catch (IOException | NodeValidationException | RuntimeException e) {
            throw new EngineStartException("OpenSearch did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** After a restart the node answers before its shards are recovered; wait until they are. */
    private static void awaitShardsAvailable(Node node) {
        var health = node.client()
                .admin()
                .cluster()
                .prepareHealth()
                .setWaitForYellowStatus()
                .setTimeout(TimeValue.timeValueSeconds(60))
                .get();
        if (health.isTimedOut()) {
            throw new IllegalStateException("shards not available after 60 s (status " + health.getStatus() + ")");
        }
    }

    @Override
    public String name() {
        return "opensearch";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String address() {
        return "http://" + LoopbackPorts.HOST + ":" + port;
    }

    @Override
    public void close() {
        try {
            node.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Node's protected constructor is the supported way to load plugins that sit on the classpath. */
    private static final class ClasspathPluginNode extends Node {

        ClasspathPluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(
                    environment,
                    plugins.stream().map(ClasspathPluginNode::describe).toList(),
                    true);
        }

        private static PluginInfo describe(Class<? extends Plugin> plugin) {
            return new PluginInfo(
                    plugin.getName(),
                    "classpath plugin",
                    "NA",
                    Version.CURRENT,
                    Runtime.version().feature() + "",
                    plugin.getName(),
                    List.of(),
                    false);
        }
    }
}
