package org.leantta.cli;

/** Entry point of the {@code ./leantta} launcher. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("leantta");
    }
}
