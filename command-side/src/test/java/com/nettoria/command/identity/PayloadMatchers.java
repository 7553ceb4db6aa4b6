package com.nettoria.command.identity;

import org.axonframework.messaging.Message;
import org.hamcrest.BaseMatcher;
import org.hamcrest.CoreMatchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/** Hamcrest matchers for fixture results and events whose values are partly random (session ids). */
final class PayloadMatchers {

    private PayloadMatchers() {
    }

    /** Exactly these payloads, in this order, and no more. */
    @SafeVarargs
    static Matcher<List<Message<?>>> exactly(Matcher<Object>... payloads) {
        Matcher<Object>[] all = Arrays.copyOf(payloads, payloads.length + 1);
        all[payloads.length] = andNoMore();
        return payloadsMatching(exactSequenceOf(all));
    }

    static Matcher<Object> equalTo(Object expected) {
        return CoreMatchers.equalTo(expected);
    }

    /** A {@code type} that passes the AssertJ {@code requirements}; their failure message is the mismatch. */
    static <T> Matcher<Object> satisfying(Class<T> type, Consumer<? super T> requirements) {
        return new BaseMatcher<>() {
            private String failure;

            @Override
            public boolean matches(Object actual) {
                if (!type.isInstance(actual)) {
                    failure = "was " + actual;
                    return false;
                }
                try {
                    requirements.accept(type.cast(actual));
                    return true;
                } catch (AssertionError e) {
                    failure = e.getMessage();
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + type.getSimpleName() + " satisfying the requirements");
            }

            @Override
            public void describeMismatch(Object actual, Description description) {
                description.appendText(failure);
            }
        };
    }
}
