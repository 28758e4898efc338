package io.polyshop.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the limit with 413: at once when Content-Length says so, and while
 * reading when a chunked body grows past it. Nothing of an oversized request reaches a handler.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private final WebProperties settings;
    private final ProblemWriter problems;

    public RequestSizeLimit(WebProperties settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = settings.maxBytesFor(request.getRequestURI());
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, "The request body may be at most " + maxBytes + " bytes.");
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), response);
        } catch (PayloadTooLargeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, e.getMessage());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        problems.write(
                request,
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                Problems.PAYLOAD_TOO_LARGE,
                "Request body too large",
                detail);
    }

    /** Raised when a body without a declared length grows past the limit. */
    public static final class PayloadTooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PayloadTooLargeException(long maxBytes) {
            super("The request body may be at most " + maxBytes + " bytes.");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
