package com.nettoria.ui.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.InvalidMoneyException;
import com.nettoria.coreapi.identity.InvalidIdentityInputException;
import com.nettoria.ui.security.ratelimit.RateLimitExceededException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every refusal as RFC 7807 {@code application/problem+json}: a stable {@code type} and {@code code}, a
 * clear {@code title}, a {@code detail}, and the offending {@code field} where there is one. Bad input is
 * never a 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** The members of every problem, which a refusal's context must not overwrite. */
    private static final Set<String> MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code",
            "field", "errors", "context");

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        ProblemDetail body = problem(problem.status(), problem.code(), problem.title(), problem.getMessage(),
                problem.field(), request);
        problem.properties().forEach(body::setProperty);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status());
        Object retryAfter = problem.properties().get("retryAfterSeconds");
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return answer.body(body);
    }

    @ExceptionHandler(InvalidIdentityInputException.class)
    ResponseEntity<Object> invalidIdentityInput(InvalidIdentityInputException exception, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.invalid", "Invalid request",
                exception.getMessage(), exception.field(), request));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> refusedCommand(CommandExecutionException exception, WebRequest request) {
        Optional<BusinessError> details = BusinessErrors.of(exception);
        if (details.isEmpty()) {
            return unexpected(exception, request);
        }
        BusinessError error = details.get();
        BusinessProblems.Mapping mapping = BusinessProblems.of(error.code());
        if (mapping.status().is5xxServerError()) {
            log.error("command refused with an error code the web layer does not know: {}", error);
        }
        ProblemDetail body = problem(mapping.status(), error.code(), mapping.title(), error.message(),
                error.field(), request);
        Map<String, String> clashing = new TreeMap<>();
        error.context().forEach((key, value) -> {
            if (MEMBERS.contains(key)) {
                clashing.put(key, value);
            } else {
                body.setProperty(key, value);
            }
        });
        if (!clashing.isEmpty()) {
            // e.g. an order's "status": never instead of the problem's own members
            body.setProperty("context", clashing);
        }
        return ResponseEntity.status(mapping.status()).body(body);
    }

    @ExceptionHandler(InvalidMoneyException.class)
    ResponseEntity<Object> invalidMoney(InvalidMoneyException exception, WebRequest request) {
        String field = switch (exception.reason()) {
            case TOO_MANY_DECIMALS, TOO_LARGE -> "amount";
            case UNKNOWN_CURRENCY, CURRENCY_MISMATCH -> "currency";
        };
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "money.invalid",
                "Invalid amount", exception.getMessage(), field, request));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> conflict(Exception exception, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT,
                "aggregate.concurrent-modification", "Changed concurrently, try again",
                "another request changed the same resource at the same moment; nothing was changed by this one",
                null, request));
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<Object> rateLimited(RateLimitExceededException exception, WebRequest request) {
        long seconds = exception.retryAfterSeconds();
        ProblemDetail body = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limit.exceeded", "Too many attempts",
                "too many attempts; try again in " + seconds + " seconds", null, request);
        body.setProperty("retryAfter", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException exception, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.invalid",
                "Invalid request", "'" + exception.getName() + "' has an invalid value", exception.getName(),
                request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        log.error("unexpected failure of {}", description(request), exception);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed on our side and changed nothing it had not completed; it is safe to retry "
                        + "with the same Idempotency-Key", null, request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = exception.getCause();
        String field = null;
        String detail = "the request body is missing or is not valid JSON";
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = "'" + field + "' has a value of the wrong type or format";
        } else if (cause instanceof JsonProcessingException json) {
            detail = "malformed JSON: " + json.getOriginalMessage();
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.malformed",
                "Malformed request", detail, field, request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String field = errors.isEmpty() ? null : errors.get(0).get("field");
        String detail = errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "request.invalid", "Invalid request", detail, field,
                request);
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        String field = errors.isEmpty() ? null : errors.get(0).get("field");
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "request.invalid", "Invalid request",
                errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")),
                field, request);
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException exception,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String field = null;
        if (exception instanceof MissingRequestHeaderException missingHeader) {
            field = missingHeader.getHeaderName();
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.invalid",
                "Invalid request", exception.getBody().getDetail(), field, request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException exception, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.invalid",
                "Invalid request", exception.getBody().getDetail(), exception.getParameterName(), request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return ResponseEntity.status(status).headers(headers).body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "request.unsupported-media-type", "Unsupported media type", exception.getBody().getDetail(),
                "Content-Type", request));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", "http." + status.value());
            problem.setInstance(URI.create(path(request)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail,
                                         String field, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:problem:nettoria:" + code));
        problem.setTitle(title);
        problem.setInstance(URI.create(path(request)));
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }

    private static String description(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
