package io.polyshop.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture test every service runs: extend it in the service's test sources and name the
 * service's base package, e.g. {@code class OrderArchitectureTest extends ServiceArchitectureTest
 * { OrderArchitectureTest() { super("io.polyshop.order"); } }}.
 */
public abstract class ServiceArchitectureTest {

    private final String basePackage;
    private final JavaClasses classes;

    /** Checks the service's production classes below {@code basePackage}. */
    protected ServiceArchitectureTest(String basePackage) {
        this(basePackage, ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    }

    protected ServiceArchitectureTest(String basePackage, ImportOption classesToCheck) {
        this.basePackage = basePackage;
        this.classes = new ClassFileImporter().withImportOption(classesToCheck).importPackages(basePackage);
    }

    @Test
    void domainIsPlainJava() {
        ServiceArchitecture.domainIsPlainJava(basePackage).check(classes);
    }

    @Test
    void domainDependsOnNothingOutsideItself() {
        ServiceArchitecture.domainDoesNotReachAdapters(basePackage).check(classes);
    }

    @Test
    void applicationReachesAdaptersOnlyThroughPorts() {
        ServiceArchitecture.applicationDoesNotReachAdapters(basePackage).check(classes);
    }

    @Test
    void contractsAreTranslatedInAdapters() {
        ServiceArchitecture.contractsAreTranslatedInAdapters(basePackage).check(classes);
    }

    @Test
    void inboundAdaptersUseTheApplicationOnly() {
        ServiceArchitecture.inboundAdaptersUseTheApplicationOnly(basePackage).check(classes);
    }

    @Test
    void inboundAdaptersAreWebMessagingOrScheduling() {
        ServiceArchitecture.inboundAdaptersAreWebMessagingOrScheduling(basePackage)
                .check(classes);
    }

    @Test
    void outboundAdaptersAreNamedForTheirTechnology() {
        ServiceArchitecture.outboundAdaptersAreNamedForTheirTechnology(basePackage)
                .check(classes);
    }

    @Test
    void outboundPortsAreNamedForWhatIsBeyondThem() {
        ServiceArchitecture.outboundPortsAreNamedForWhatIsBeyondThem(basePackage)
                .check(classes);
    }

    @Test
    void webAnswersAreViews() {
        ServiceArchitecture.webAnswersAreViews(basePackage).check(classes);
    }

    @Test
    void scheduledWorkIsAnInboundSchedulingAdapter() {
        ServiceArchitecture.scheduledWorkIsAnInboundSchedulingAdapter(basePackage)
                .check(classes);
    }

    @Test
    void listenersAreInboundMessagingAdapters() {
        ServiceArchitecture.listenersAreInboundMessagingAdapters(basePackage).check(classes);
    }
}
