package io.polyshop.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rules of DESIGN.md section 7 for one service's base package. Every rule refuses to
 * pass vacuously: a rule that matches no class fails, so a renamed package cannot silently switch
 * a rule off.
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

    private ServiceArchitecture() {}

    public static ArchRule domainIsPlainJava(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE)
                .as("the domain of " + basePackage + " is plain Java: no Spring, no store or broker types")
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

    public static List<ArchRule> all(String basePackage) {
        return List.of(
                domainIsPlainJava(basePackage),
                domainDoesNotReachAdapters(basePackage),
                applicationDoesNotReachAdapters(basePackage));
    }
}
