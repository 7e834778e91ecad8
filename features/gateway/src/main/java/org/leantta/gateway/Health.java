package org.leantta.gateway;

import java.util.List;

/**
 * Whether the gateway serves, and if not why. {@code serving} says where it serves (the MQTT bridge's broker and
 * topics) when nothing is wrong; {@code notes} are things an operator should know that do not stop it (a refused
 * configuration update while the previous one stays in force).
 */
public record Health(List<Problem> problems, List<String> notes, String serving) {

    /**
     * What stops the gateway from serving, and what the component last logged about it ({@code logged}, with its
     * time, or null). {@code settled} problems are known for sure (a refused configuration, a failed component);
     * the others may be passing (a model still loading, a bridge still connecting).
     */
    public record Problem(String component, String pid, String text, String logged, boolean settled) {
        /** The problem without what was logged: the same problem logged again is the same problem. */
        public String headline() {
            return component + ": " + text;
        }

        @Override
        public String toString() {
            return headline() + (logged == null ? "" : " (its log at " + logged + ")");
        }
    }

    public Health {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean isServing() {
        return problems.isEmpty();
    }

    public boolean allSettled() {
        return problems.stream().allMatch(Problem::settled);
    }
}
