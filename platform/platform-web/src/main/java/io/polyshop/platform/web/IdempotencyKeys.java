package io.polyshop.platform.web;

import io.polyshop.platform.resilience.TransientFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for POST: the first response to a key is stored and replayed for every
 * repeat with the same method, path and body ({@code Idempotent-Replayed: true}); the same key with
 * a different request is refused with 422, and while the first is still running with 409. Keys are
 * scoped to the caller. The store runs the first request so that its effect and its stored response
 * commit together ({@link IdempotencyStore}); a first attempt that failed on the server's side (5xx)
 * or died half-way frees the key. The handler's answer reaches the client only after that commit;
 * when the store is away the client gets 503 with {@code Retry-After} instead.
 */
public class IdempotencyKeys extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,255}");

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    public IdempotencyKeys(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SANE.matcher(key).matches()) {
            problems.writeInvalid(request, response, "Idempotency-Key must be 1 to 255 letters, digits or . _ : -");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        IdempotencyStore.Outcome outcome;
        try {
            outcome = store.runOnce(scope(request), key, fingerprint, () -> {
                chain.doFilter(new CachedBody(request, body), recorded);
                return new IdempotencyStore.Entry(
                        fingerprint, recorded.getStatus(), recorded.getContentType(), recorded.getContentAsByteArray());
            });
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e) || response.isCommitted()) {
                throw e;
            }
            // The store went away, before the work or while committing it: the handler's answer is not sent.
            log.warn("idempotent request not completed: {}", e.getMessage());
            String requestId = response.getHeader(RequestIds.HEADER);
            response.reset();
            if (requestId != null) {
                response.setHeader(RequestIds.HEADER, requestId);
            }
            problems.writeUnavailable(request, response);
            return;
        }
        switch (outcome) {
            case IdempotencyStore.Ran ignored -> recorded.copyBodyToResponse();
            case IdempotencyStore.Earlier earlier -> answerRepeat(request, response, earlier.response(), fingerprint);
            case IdempotencyStore.InFlight ignored ->
                problems.write(
                        request,
                        response,
                        HttpStatus.CONFLICT,
                        Problems.IDEMPOTENCY_KEY_IN_FLIGHT,
                        "Request in progress",
                        "The first request with this Idempotency-Key is still being processed.");
        }
    }

    private void answerRepeat(
            HttpServletRequest request,
            HttpServletResponse response,
            IdempotencyStore.Entry earlier,
            String fingerprint)
            throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            problems.write(
                    request,
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    Problems.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
            return;
        }
        response.setStatus(earlier.status());
        if (earlier.contentType() != null) {
            response.setContentType(earlier.contentType());
        }
        response.setHeader(REPLAYED, "true");
        if (earlier.body() != null) {
            response.getOutputStream().write(earlier.body());
        }
    }

    private static String scope(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous" : "user:" + principal.getName();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once for the fingerprint and offered again to the handler. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
