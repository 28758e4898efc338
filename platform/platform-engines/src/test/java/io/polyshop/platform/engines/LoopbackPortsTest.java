package io.polyshop.platform.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void handsOutDifferentPortsWhenAskedForSeveral() {
        List<Integer> ports = LoopbackPorts.free(200);

        assertThat(ports).hasSize(200).doesNotHaveDuplicates();
        assertThat(ports).noneMatch(LoopbackPorts::isListening);
    }
}
