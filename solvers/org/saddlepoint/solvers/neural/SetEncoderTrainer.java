package org.saddlepoint.solvers.neural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.saddlepoint.solvers.Checks;
import org.saddlepoint.solvers.InvalidInputException;
import org.saddlepoint.solvers.kernels.KernelBackend;
import org.saddlepoint.solvers.kernels.Kernels;

/**
 * Trains a {@link SetEncoderNetwork} by minibatch Adam on the mean squared error, as Neur2RO does
 * (spec section 3.4: Adam, learning rate 1e-3, batch 256, a random 80/20 train/validation split,
 * evaluated every few epochs, keeping the network of lowest validation mean absolute error).
 * Reproducible from the seed. Forward passes run on the plain-Java kernels.
 */
public final class SetEncoderTrainer {
    private SetEncoderTrainer() {
    }

    /**
     * @param epochs             passes over the training part, &gt; 0
     * @param batchSize          samples per Adam step, &gt; 0
     * @param learningRate       Adam's step size, &gt; 0
     * @param validationFraction share of samples held out, in [0, 1)
     * @param evaluateEvery      epochs between validation checks, &gt; 0
     * @param seed               seed of the split and the shuffles
     */
    public record Options(int epochs, int batchSize, double learningRate, double validationFraction, int evaluateEvery,
                          long seed) {
        /** Neur2RO's settings with 100 epochs (the paper: 500). */
        public static final Options DEFAULT = new Options(100, 256, 1e-3, 0.2, 10, 12345);

        public Options {
            Checks.positive("epochs", epochs);
            Checks.positive("batch size", batchSize);
            Checks.positive("learning rate", learningRate);
            Checks.positive("evaluateEvery", evaluateEvery);
            if (!(validationFraction >= 0 && validationFraction < 1)) {
                throw new InvalidInputException("validation fraction must lie in [0, 1), got " + validationFraction);
            }
        }

        public Options withEpochs(int value) {
            return new Options(value, batchSize, learningRate, validationFraction, evaluateEvery, seed);
        }

        public Options withSeed(long value) {
            return new Options(epochs, batchSize, learningRate, validationFraction, evaluateEvery, value);
        }
    }

    /**
     * @param network        the best network on the validation part (the last one without a validation part)
     * @param validationMae  its mean absolute error there (training MAE without a validation part)
     * @param trainingLosses the mean squared training error of every epoch
     */
    public record Result(SetEncoderNetwork network, double validationMae, double[] trainingLosses) {
    }

    public static Result train(SetEncoderNetwork start, List<SetSample> samples, Options options) {
        if (samples.isEmpty()) {
            throw new InvalidInputException("no training samples");
        }
        SplittableRandom rng = new SplittableRandom(options.seed());
        List<SetSample> shuffled = shuffle(samples, rng);
        int held = (int) Math.round(options.validationFraction() * shuffled.size());
        List<SetSample> validation = shuffled.subList(0, held);
        List<SetSample> training = new ArrayList<>(shuffled.subList(held, shuffled.size()));
        List<SetSample> check = held > 0 ? validation : training;
        Model model = new Model(start);
        SetEncoderNetwork best = start;
        double bestMae = Double.POSITIVE_INFINITY;
        double[] losses = new double[options.epochs()];
        int step = 0;
        try (Kernels kernels = Kernels.open(KernelBackend.JAVA)) {
            for (int epoch = 0; epoch < options.epochs(); epoch++) {
                training = shuffle(training, rng);
                double sum = 0;
                for (int from = 0; from < training.size(); from += options.batchSize()) {
                    List<SetSample> batch = training.subList(from, Math.min(training.size(), from + options.batchSize()));
                    sum += model.step(kernels, batch, options.learningRate(), ++step) * batch.size();
                }
                losses[epoch] = sum / training.size();
                if ((epoch + 1) % options.evaluateEvery() == 0 || epoch == options.epochs() - 1) {
                    SetEncoderNetwork current = model.snapshot();
                    double mae = meanAbsoluteError(current, check);
                    if (mae < bestMae) {
                        bestMae = mae;
                        best = current;
                    }
                }
            }
        }
        return new Result(best, bestMae, losses);
    }

    /** The mean absolute error of {@code network} on {@code samples}. */
    public static double meanAbsoluteError(SetEncoderNetwork network, List<SetSample> samples) {
        double sum = 0;
        for (SetSample s : samples) {
            sum += Math.abs(network.predict(s.xRows(), s.xiRows(), s.n()) - s.label());
        }
        return sum / samples.size();
    }

    private static List<SetSample> shuffle(List<SetSample> list, SplittableRandom rng) {
        List<SetSample> copy = new ArrayList<>(list);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            SetSample t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    /** The five blocks under training. */
    private static final class Model {
        private final TrainableNetwork xEmbed;
        private final TrainableNetwork xPost;
        private final TrainableNetwork xiEmbed;
        private final TrainableNetwork xiPost;
        private final TrainableNetwork value;

        Model(SetEncoderNetwork n) {
            xEmbed = new TrainableNetwork(n.xEmbed());
            xPost = new TrainableNetwork(n.xPost());
            xiEmbed = new TrainableNetwork(n.xiEmbed());
            xiPost = new TrainableNetwork(n.xiPost());
            value = new TrainableNetwork(n.value());
        }

        SetEncoderNetwork snapshot() {
            return new SetEncoderNetwork(xEmbed.snapshot(), xPost.snapshot(), xiEmbed.snapshot(), xiPost.snapshot(),
                    value.snapshot());
        }

        /** One Adam step on {@code batch}; returns its mean squared error before the step. */
        double step(Kernels kernels, List<SetSample> batch, double rate, int t) {
            int b = batch.size();
            Branch x = Branch.forward(kernels, xEmbed, xPost, batch, true);
            Branch xi = Branch.forward(kernels, xiEmbed, xiPost, batch, false);
            int px = x.post.output().length / b;
            int pq = xi.post.output().length / b;
            double[] joined = new double[b * (px + pq)];
            for (int s = 0; s < b; s++) {
                System.arraycopy(x.post.output(), s * px, joined, s * (px + pq), px);
                System.arraycopy(xi.post.output(), s * pq, joined, s * (px + pq) + px, pq);
            }
            TrainableNetwork.Trace v = value.forward(kernels, joined, b);
            double[] residual = new double[b];
            double loss = 0;
            for (int s = 0; s < b; s++) {
                double r = v.output()[s] - batch.get(s).label();
                loss += r * r / b;
                residual[s] = 2 * r / b;
            }
            double[] dJoined = value.backward(v, residual);
            double[] dx = new double[b * px];
            double[] dxi = new double[b * pq];
            for (int s = 0; s < b; s++) {
                System.arraycopy(dJoined, s * (px + pq), dx, s * px, px);
                System.arraycopy(dJoined, s * (px + pq) + px, dxi, s * pq, pq);
            }
            x.backward(xEmbed, xPost, dx);
            xi.backward(xiEmbed, xiPost, dxi);
            for (TrainableNetwork n : new TrainableNetwork[] {xEmbed, xPost, xiEmbed, xiPost, value}) {
                n.adamStep(rate, t);
            }
            return loss;
        }
    }

    /** The traces of one encoder branch (per-item embedding, sum, post network) over a batch. */
    private record Branch(TrainableNetwork.Trace embed, TrainableNetwork.Trace post, int[] owner, int width) {
        static Branch forward(Kernels kernels, TrainableNetwork embed, TrainableNetwork post, List<SetSample> batch,
                              boolean ofX) {
            int rows = 0;
            for (SetSample s : batch) {
                rows += s.n();
            }
            int features = (ofX ? batch.get(0).xRows().length : batch.get(0).xiRows().length) / batch.get(0).n();
            double[] input = new double[rows * features];
            int[] owner = new int[rows];
            int r = 0;
            for (int s = 0; s < batch.size(); s++) {
                double[] src = ofX ? batch.get(s).xRows() : batch.get(s).xiRows();
                System.arraycopy(src, 0, input, r * features, src.length);
                for (int i = 0; i < batch.get(s).n(); i++) {
                    owner[r++] = s;
                }
            }
            TrainableNetwork.Trace e = embed.forward(kernels, input, rows);
            int width = e.output().length / rows;
            double[] sums = new double[batch.size() * width];
            for (int k = 0; k < rows; k++) {
                for (int j = 0; j < width; j++) {
                    sums[owner[k] * width + j] += e.output()[k * width + j];
                }
            }
            return new Branch(e, post.forward(kernels, sums, batch.size()), owner, width);
        }

        void backward(TrainableNetwork embed, TrainableNetwork post, double[] dOut) {
            double[] dSums = post.backward(this.post, dOut);
            double[] dRows = new double[owner.length * width];
            for (int k = 0; k < owner.length; k++) {
                System.arraycopy(dSums, owner[k] * width, dRows, k * width, width);
            }
            embed.backward(this.embed, dRows);
        }
    }
}
