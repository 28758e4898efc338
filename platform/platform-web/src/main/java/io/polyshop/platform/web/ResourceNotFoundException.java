package io.polyshop.platform.web;

/** Thrown by a service when the resource named in the request does not exist (or is not the caller's). */
public class ResourceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
    }
}
