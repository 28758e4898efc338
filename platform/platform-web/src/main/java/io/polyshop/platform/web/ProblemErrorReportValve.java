package io.polyshop.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded NUL or slash in the path,
 * a header it cannot parse) and answers with its own HTML page. This valve answers those with a
 * problem detail instead, like every other error the service gives.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String type = Problems.ofStatus(HttpStatusCode.valueOf(status)).toString();
        try {
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(
                        "{\"type\":\"" + type + "\",\"title\":\"Request refused\",\"status\":" + status
                                + ",\"detail\":\"The server could not read this request: its path or headers are malformed.\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was taken over; there is nobody to tell.
        }
    }
}
