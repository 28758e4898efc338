package io.polyshop.platform.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shape and vocabulary of docs/architecture.md for one service's base package. A rule about
 * layers refuses to pass vacuously: one that matches no class fails, so a renamed package cannot
 * silently switch it off. Rules about where entry points live (scheduled work, listeners) pass for
 * a service that has none.
 */
public final class ServiceArchitecture {

    /** Frameworks and store clients the domain must not know about. */
    static final String[] INFRASTRUCTURE = {
        "org.springframework..",
        "jakarta.persistence..",
        "java.sql..",
        "javax.sql..",
        "org.postgresql..",
        "com.mongodb..",
        "org.bson..",
        "io.lettuce..",
        "redis.clients..",
        "software.amazon.awssdk..",
        "org.opensearch..",
        "org.apache.kafka..",
        "io.cloudevents.."
    };

    /** Suffixes that name a port after a mechanism rather than after what is on the other side. */
    static final String[] MECHANISM_SUFFIXES = {"Store", "Repository", "Publisher", "Queue", "Gateway", "Dao"};

    /** Services an outbound adapter might be named after instead of the technology it speaks. */
    static final String SERVICE_NAMES =
            "[cart|catalog|identity|inventory|notification|order|payment|search|delivery|courier|storefront|assistant]";

    private ServiceArchitecture() {}

    public static ArchRule domainIsPlainJava(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".domain..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(INFRASTRUCTURE)
                        .or(resideInAPackage("io.polyshop.platform..")
                                .and(not(resideInAPackage("io.polyshop.platform.domain..")))))
                .as("the domain of " + basePackage
                        + " is plain Java: no Spring, no store or broker types, of the platform only platform-domain")
                .allowEmptyShould(false);
    }

    public static ArchRule domainDoesNotReachAdapters(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        basePackage + ".adapter..", basePackage + ".application..", basePackage + ".config..")
                .as("the domain of " + basePackage + " depends on nothing outside itself")
                .allowEmptyShould(false);
    }

    public static ArchRule applicationDoesNotReachAdapters(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(basePackage + ".adapter..", basePackage + ".config..")
                .as("the application layer of " + basePackage + " reaches adapters only through its ports")
                .allowEmptyShould(false);
    }

    /**
     * The published contracts ({@code *-api}) are translated in adapters, so that a contract and the
     * model behind it can change apart. The shop-wide rules in {@code commerce-api} are not a
     * contract of one service but limits every domain applies, and stay usable everywhere.
     */
    public static ArchRule contractsAreTranslatedInAdapters(String basePackage) {
        return noClasses()
                .that()
                .resideInAnyPackage(basePackage + ".domain..", basePackage + ".application..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.polyshop.*.api..")
                        .and(not(resideInAPackage("io.polyshop.commerce.api.."))))
                .as("the domain and application of " + basePackage
                        + " use no published contract (*-api) type; adapters translate them")
                .allowEmptyShould(false);
    }

    public static ArchRule inboundAdaptersUseTheApplicationOnly(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".adapter.in..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(basePackage + ".adapter.out..", basePackage + ".application.port.out..")
                .as("the inbound adapters of " + basePackage
                        + " call use cases, never an outbound adapter or an outbound port")
                .allowEmptyShould(false);
    }

    public static ArchRule inboundAdaptersAreWebMessagingOrScheduling(String basePackage) {
        return classes()
                .that()
                .resideInAPackage(basePackage + ".adapter.in..")
                .should()
                .resideInAnyPackage(
                        basePackage + ".adapter.in.web..",
                        basePackage + ".adapter.in.messaging..",
                        basePackage + ".adapter.in.scheduling..")
                .as("the inbound adapters of " + basePackage + " are web, messaging or scheduling")
                .allowEmptyShould(false);
    }

    public static ArchRule outboundAdaptersAreNamedForTheirTechnology(String basePackage) {
        return noClasses()
                .should()
                .resideInAPackage(basePackage + ".adapter.out." + SERVICE_NAMES + "..")
                .as("the outbound adapters of " + basePackage
                        + " are named for the technology they speak, not for the service they reach")
                .allowEmptyShould(true);
    }

    public static ArchRule outboundPortsAreNamedForWhatIsBeyondThem(String basePackage) {
        var rule = noClasses().that().resideInAPackage(basePackage + ".application.port.out..");
        var named = rule.should().haveSimpleNameEndingWith(MECHANISM_SUFFIXES[0]);
        for (int i = 1; i < MECHANISM_SUFFIXES.length; i++) {
            named = named.orShould().haveSimpleNameEndingWith(MECHANISM_SUFFIXES[i]);
        }
        return named.as("the outbound ports of " + basePackage
                        + " are named for what is beyond them (Orders, PaymentProvider), not for a mechanism")
                .allowEmptyShould(false);
    }

    public static ArchRule webAnswersAreViews(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".adapter.in.web..")
                .should()
                .haveSimpleNameEndingWith("Response")
                .orShould()
                .haveSimpleNameEndingWith("Responses")
                .orShould()
                .haveSimpleNameEndingWith("Dto")
                .as("the web adapter of " + basePackage + " answers with *View records, gathered in *Views")
                .allowEmptyShould(false);
    }

    public static ArchRule scheduledWorkIsAnInboundSchedulingAdapter(String basePackage) {
        return entryPointsLiveIn(basePackage, "org.springframework.scheduling.annotation.Scheduled", "scheduling");
    }

    public static ArchRule listenersAreInboundMessagingAdapters(String basePackage) {
        return entryPointsLiveIn(basePackage, "org.springframework.kafka.annotation.KafkaListener", "messaging");
    }

    private static ArchRule entryPointsLiveIn(String basePackage, String annotation, String adapter) {
        return noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(basePackage + "..")
                .and()
                .areAnnotatedWith(annotation)
                .should()
                .beDeclaredInClassesThat()
                .resideOutsideOfPackage(basePackage + ".adapter.in." + adapter + "..")
                .as("methods of " + basePackage + " annotated @" + annotation.substring(annotation.lastIndexOf('.') + 1)
                        + " live in adapter.in." + adapter)
                .allowEmptyShould(true);
    }

    /** The rules that refuse to pass when they match nothing. */
    public static List<ArchRule> layering(String basePackage) {
        return List.of(
                domainIsPlainJava(basePackage),
                domainDoesNotReachAdapters(basePackage),
                applicationDoesNotReachAdapters(basePackage),
                contractsAreTranslatedInAdapters(basePackage),
                inboundAdaptersUseTheApplicationOnly(basePackage),
                inboundAdaptersAreWebMessagingOrScheduling(basePackage),
                outboundPortsAreNamedForWhatIsBeyondThem(basePackage),
                webAnswersAreViews(basePackage));
    }

    public static List<ArchRule> all(String basePackage) {
        return Stream.concat(
                        layering(basePackage).stream(),
                        Stream.of(
                                outboundAdaptersAreNamedForTheirTechnology(basePackage),
                                scheduledWorkIsAnInboundSchedulingAdapter(basePackage),
                                listenersAreInboundMessagingAdapters(basePackage)))
                .toList();
    }
}
