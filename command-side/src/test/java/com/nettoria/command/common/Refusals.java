package com.nettoria.command.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Map;

/**
 * Hamcrest matchers for {@code expectException(...)}: a command refused with a typed {@link BusinessRuleViolation}
 * carrying a given error code (and, where it matters, some facts of its context).
 */
public final class Refusals {

    private Refusals() {
    }

    /** A {@code type} refusal whose business error has this {@code code}. */
    public static Matcher<BusinessRuleViolation> refusal(Class<? extends BusinessRuleViolation> type, String code) {
        return refusal(type, code, Map.of());
    }

    /** A {@code type} refusal with this {@code code} whose error context holds at least these entries. */
    public static Matcher<BusinessRuleViolation> refusal(Class<? extends BusinessRuleViolation> type, String code,
                                                         Map<String, String> context) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation actual, Description mismatch) {
                if (!type.isInstance(actual)) {
                    mismatch.appendText("was a " + actual.getClass().getSimpleName() + ": " + actual.getMessage());
                    return false;
                }
                if (!code.equals(actual.error().code())) {
                    mismatch.appendText("had code " + actual.error().code() + " (" + actual.getMessage() + ")");
                    return false;
                }
                if (!actual.error().context().entrySet().containsAll(context.entrySet())) {
                    mismatch.appendText("had context " + actual.error().context());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " with code " + code
                        + (context.isEmpty() ? "" : " and context " + context));
            }
        };
    }
}
