package org.faregate.validator.decision;

import java.util.Optional;

/**
 * The deny list's sanity breaker: a delta or snapshot that would newly deny more than {@code maxShareBasisPoints}
 * of the list (1/100 of a percent) <em>and</em> more than {@code maxNewDenials} credentials is refused whole.
 * Both must be exceeded, so a small or new list can still grow by {@code maxNewDenials} at a time. Exactly
 * at a limit is allowed.
 *
 * <p>Why: a bad list does harm at scale (DOMAIN.md 3: a corrupt file disabled ~65,000 Oyster cards in 2008,
 * ~250,000 phones were wrongly blocked in 2019). {@link #DEFAULT} (1 % and 10,000) lets a 10-million list take
 * 100,000 new denials in one delta, far more than a few minutes' or an offline day's real denials, and refuses
 * both incidents' sizes on a list of a million or more. Only new denials count: lifting denials fails open.
 * The first snapshot of a gate with no list (version 0) has nothing to compare with and is not checked.
 */
public record DenyBreaker(int maxShareBasisPoints, long maxNewDenials) {

    /** 1 % of the list and 10,000 credentials. */
    public static final DenyBreaker DEFAULT = new DenyBreaker(100, 10_000);

    /** The stable code of a refusal, in sync reports. */
    public static final String REFUSED_CODE = "deny_delta_refused";

    public DenyBreaker {
        if (maxShareBasisPoints < 0 || maxNewDenials < 0) {
            throw new IllegalArgumentException("breaker limits must not be negative: " + maxShareBasisPoints
                    + " basis points, " + maxNewDenials + " denials");
        }
    }

    /** Why a change that newly denies {@code newlyDenied} credentials on a list of {@code listSize} is refused. */
    public Optional<String> refusal(long listSize, long newlyDenied) {
        boolean overShare = newlyDenied * 10_000L > listSize * maxShareBasisPoints;
        if (newlyDenied > maxNewDenials && overShare) {
            return Optional.of("would newly deny " + newlyDenied + " credentials on a list of " + listSize
                    + " (limit " + maxShareBasisPoints / 100.0 + " % and " + maxNewDenials + ")");
        }
        return Optional.empty();
    }
}
