package io.polyshop.platform.web;

import javax.sql.DataSource;
import org.apache.catalina.core.StandardHost;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Problem details, request ids, size limits and idempotency keys for every Polyshop HTTP service. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class WebAutoConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Every JSON string a request carries is refused with a 400 when it holds a control character. */
    @Bean
    SimpleModule polyshopControlCharacterText() {
        return ControlCharacterText.module();
    }

    /** After security: authorization is decided before a caller learns what it sent wrong. */
    @Bean
    FilterRegistrationBean<RefuseControlCharacters> refuseControlCharacters(ProblemWriter problems) {
        FilterRegistrationBean<RefuseControlCharacters> registration =
                new FilterRegistrationBean<>(new RefuseControlCharacters(problems));
        registration.setOrder(0);
        return registration;
    }

    /** Tomcat's own refusals (a malformed path, say) are problem details too, not its HTML page. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(WebProperties settings, ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(settings, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    @ConditionalOnBean(IdempotencyStore.class)
    FilterRegistrationBean<IdempotencyKeys> idempotencyKeys(IdempotencyStore store, ProblemWriter problems) {
        FilterRegistrationBean<IdempotencyKeys> registration =
                new FilterRegistrationBean<>(new IdempotencyKeys(store, problems));
        // After security, so that keys are scoped to the authenticated caller.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    /** The idempotency store for services whose store is PostgreSQL. */
    @AutoConfiguration
    @ConditionalOnClass({JdbcClient.class, Flyway.class})
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class PostgresIdempotency {

        @Bean
        WebSchema webSchema(DataSource dataSource) {
            return new WebSchema(dataSource);
        }

        @Bean
        @ConditionalOnMissingBean(IdempotencyStore.class)
        IdempotencyStore idempotencyStore(JdbcClient jdbc, WebSchema webSchema, TransactionTemplate transactions) {
            return new JdbcIdempotencyStore(jdbc, transactions);
        }
    }
}
