package org.faregate.gateway.pricing;

import java.util.List;
import org.faregate.gateway.Refusal;
import org.faregate.gateway.RefusedException;

/** Uploaded fare rules that cannot be used; the running rules stay. Answered 422 with every problem. */
public final class FareRulesRejectedException extends RefusedException {

    private static final long serialVersionUID = 1L;

    /** The error body: {@code code} and {@code message} as in every error, plus the problems by line. */
    public record Rejection(String code, String message, List<Problem> problems) {
        public Rejection {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One problem, where it is: the file (of a GTFS feed, or {@code fare-rules.txt} for the key=value
     * text), the line (0: the whole file) and the key or field.
     */
    public record Problem(String file, int line, String key, String code, String message) {
    }

    private final transient List<Problem> problems;

    public FareRulesRejectedException(List<Problem> problems) {
        super(Refusal.INVALID_FARE_RULES, "fare rules rejected with " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "; the running rules stay");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public Object body() {
        return new Rejection(refusal().code(), getMessage(), problems);
    }
}
