package org.faregate.fares;

import java.util.List;

/** A fare configuration text that cannot be used; carries every problem found, in line order. */
public class FareConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<FareConfigProblem> problems;

    public FareConfigException(List<FareConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, ordered by line (missing keys, line 0, first); never empty. */
    public List<FareConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<FareConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a FareConfigException needs at least one problem");
        }
        StringBuilder text = new StringBuilder("fare config has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:"));
        problems.forEach(problem -> text.append("\n  ").append(problem));
        return text.toString();
    }
}
