package com.nettoria.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;

/** Spring's CORS checks, with the refusal of a foreign origin answered as a 403 problem like every other refusal. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemSecurityHandlers problems;

    ProblemCorsProcessor(ProblemSecurityHandlers problems) {
        this.problems = problems;
    }

    @Override
    public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
                                  HttpServletResponse response) throws IOException {
        boolean accepted = super.processRequest(configuration, request, response);
        if (!accepted) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "cors.origin-not-allowed",
                    "Cross-origin request refused", "this origin, method or header may not be used to call the API from a browser");
        }
        return accepted;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.FORBIDDEN); // the body is written by processRequest
    }
}
