package com.nettoria.ui.web;

import com.nettoria.coreapi.common.BusinessError;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A refusal decided in the web layer (bad input the framework does not catch, a resource that is not there),
 * answered as {@code application/problem+json} by {@link ProblemDetailsAdvice}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final String field;
    private final transient Map<String, ?> properties;

    public ApiProblem(HttpStatus status, String code, String title, String detail, String field,
                      Map<String, ?> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.field = field;
        this.properties = properties == null ? Map.of() : properties;
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "request.invalid", "Invalid request", detail, field, null);
    }

    public static ApiProblem notFound(String code, String title, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, title, detail, null, null);
    }

    /** A business refusal (e.g. carried by a failed query), answered as a refused command with its code would be. */
    public static ApiProblem refusal(BusinessError error) {
        BusinessProblems.Mapping mapping = BusinessProblems.of(error.code());
        return new ApiProblem(mapping.status(), error.code(), mapping.title(), error.message(), error.field(),
                error.context());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public Map<String, ?> properties() {
        return properties;
    }
}
