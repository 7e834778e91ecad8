package org.leantta.kura.mqtt;

/**
 * What became of an answer given to a {@link Sink}: handed to the broker (or the cloud publisher), or dropped.
 * A sink calls exactly one of the two, possibly later and on another thread.
 */
public interface Receipt {
    /** A receipt that records nothing. */
    Receipt NONE = of(() -> { }, () -> { });

    void delivered();

    void dropped();

    static Receipt of(Runnable delivered, Runnable dropped) {
        return new Receipt() {
            @Override
            public void delivered() {
                delivered.run();
            }

            @Override
            public void dropped() {
                dropped.run();
            }
        };
    }
}
