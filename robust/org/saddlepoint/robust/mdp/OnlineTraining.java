package org.saddlepoint.robust.mdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.iteration.Checkpoint;
import org.saddlepoint.solvers.iteration.IterationListener;
import org.saddlepoint.solvers.iteration.SolverStatus;

/**
 * The online protocol of spec 1.5: episodes k = 1 .. K in the nominal environment only; in each the learner's
 * policy pi^k acts (actions drawn from it, so greedy ties are broken at random), then the learner updates. One
 * seeded {@link SplittableRandom} drives the initial states, actions and transitions, so a run is reproducible
 * from its seed. Bounded by the number of episodes and a wall-clock limit; interrupting the thread stops it after
 * the current episode with status INTERRUPTED (the interrupt flag stays set). With a {@link RegretMeter}
 * (finite MDPs), the exact regret of pi^k is recorded before each episode; every episode is reported to the
 * listener as the checkpoint (k, seconds, Regret(k)).
 */
public final class OnlineTraining {
    private OnlineTraining() {
    }

    /**
     * @param regret the exact regret meter ({@link RobustRegret} on a finite nominal MDP), or null for none (regret NaN)
     */
    public static <S> TrainingResult run(LinearMdp<S> environment, EpisodicLearner<S> learner, int episodes,
                                         double timeLimitSeconds, long seed, RegretMeter<S> regret,
                                         IterationListener listener) {
        Checks.positive("episodes", episodes);
        if (!(timeLimitSeconds > 0)) {
            throw new InvalidInputException("time limit must be > 0 seconds (or +infinity), got " + timeLimitSeconds);
        }
        IterationListener out = listener == null ? IterationListener.NONE : listener;
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        double[] returns = new double[episodes];
        double[] cumulative = new double[episodes];
        List<Checkpoint> history = new ArrayList<>();
        double total = 0;
        SolverStatus status = SolverStatus.MAX_ITERATIONS;
        int k = 0;
        while (k < episodes) {
            if (Thread.currentThread().isInterrupted()) {
                status = SolverStatus.INTERRUPTED;
                break;
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (seconds > timeLimitSeconds) {
                status = SolverStatus.TIME_LIMIT;
                break;
            }
            S initial = environment.initialState(random);
            total = regret == null ? Double.NaN : total + regret.regret(learner, initial);
            Episode<S> episode = play(environment, learner, initial, random);
            learner.update(episode);
            returns[k] = episode.totalReward();
            cumulative[k] = total;
            k++;
            Checkpoint c = new Checkpoint(k, (System.nanoTime() - start) * 1e-9, total);
            history.add(c);
            out.checkpoint(c);
        }
        return new TrainingResult(learner.name(), status, (System.nanoTime() - start) * 1e-9,
                Arrays.copyOf(returns, k), Arrays.copyOf(cumulative, k), history);
    }

    /** One episode of {@code policy} from {@code initial}. */
    public static <S> Episode<S> play(LinearMdp<S> environment, Policy<S> policy, S initial, SplittableRandom random) {
        int horizon = environment.horizon();
        List<S> states = new ArrayList<>(horizon + 1);
        int[] actions = new int[horizon];
        double[] rewards = new double[horizon];
        S s = initial;
        states.add(s);
        for (int h = 0; h < horizon; h++) {
            actions[h] = FiniteLinearMdp.sample(policy.probabilities(h, s), random);
            rewards[h] = environment.reward(h, s, actions[h]);
            s = environment.nextState(h, s, actions[h], random);
            states.add(s);
        }
        return new Episode<>(states, actions, rewards);
    }
}
