package io.polyshop.platform.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ServiceArchitectureRulesTest {

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("io.polyshop.fixture");

    @Test
    void acceptsAServiceShapedAsDesigned() {
        for (var rule : ServiceArchitecture.all("io.polyshop.fixture.good")) {
            assertThatCode(() -> rule.check(FIXTURES)).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsADomainThatUsesSpring() {
        assertThatThrownBy(() -> ServiceArchitecture.domainIsPlainJava("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.springframework.stereotype.Component");
    }

    @Test
    void rejectsADomainThatUsesAPlatformModuleOtherThanTheDomainOne() {
        assertThatThrownBy(() -> ServiceArchitecture.domainIsPlainJava("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderIds");
    }

    @Test
    void rejectsADomainThatReachesAnAdapter() {
        assertThatThrownBy(() -> ServiceArchitecture.domainDoesNotReachAdapters("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderRow");
    }

    @Test
    void rejectsAnApplicationLayerThatReachesAnAdapter() {
        assertThatThrownBy(() -> ServiceArchitecture.applicationDoesNotReachAdapters("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlaceOrder");
    }

    @Test
    void rejectsAnApplicationLayerThatTakesInAPublishedContract() {
        assertThatThrownBy(() -> ServiceArchitecture.contractsAreTranslatedInAdapters("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderPlaced");
    }

    @Test
    void rejectsAnInboundAdapterThatUsesAnOutboundAdapterOrPort() {
        assertThatThrownBy(() -> ServiceArchitecture.inboundAdaptersUseTheApplicationOnly("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderStore")
                .hasMessageContaining("OrderRow");
    }

    @Test
    void rejectsAnInboundAdapterOutsideWebMessagingAndScheduling() {
        assertThatThrownBy(
                        () -> ServiceArchitecture.inboundAdaptersAreWebMessagingOrScheduling("io.polyshop.fixture.bad")
                                .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("adapter.in.schedule.OrderTimer");
    }

    @Test
    void rejectsAnOutboundAdapterNamedAfterAService() {
        assertThatThrownBy(
                        () -> ServiceArchitecture.outboundAdaptersAreNamedForTheirTechnology("io.polyshop.fixture.bad")
                                .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CatalogClient");
    }

    @Test
    void rejectsAnOutboundPortNamedForAMechanism() {
        assertThatThrownBy(() -> ServiceArchitecture.outboundPortsAreNamedForWhatIsBeyondThem("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderStore");
    }

    @Test
    void rejectsWebAnswersNamedAsResponses() {
        assertThatThrownBy(() -> ServiceArchitecture.webAnswersAreViews("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderResponses");
    }

    @Test
    void rejectsScheduledWorkOutsideTheSchedulingAdapter() {
        assertThatThrownBy(
                        () -> ServiceArchitecture.scheduledWorkIsAnInboundSchedulingAdapter("io.polyshop.fixture.bad")
                                .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderTimer.tick()");
    }

    @Test
    void rejectsAListenerOutsideTheMessagingAdapter() {
        assertThatThrownBy(() -> ServiceArchitecture.listenersAreInboundMessagingAdapters("io.polyshop.fixture.bad")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderEvents.on(java.lang.String)");
    }

    @Test
    void failsWhenALayeringRuleMatchesNoClass() {
        for (var rule : ServiceArchitecture.layering("io.polyshop.fixture.renamed")) {
            assertThatThrownBy(() -> rule.check(FIXTURES)).isInstanceOf(AssertionError.class);
        }
    }
}
