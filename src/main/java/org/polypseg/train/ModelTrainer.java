package org.polypseg.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.ParameterTracker;
import java.util.HashSet;
import java.util.Set;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.polypseg.data.Augmentation;
import org.polypseg.data.DataFolder;
import org.polypseg.data.DataFolderException;
import org.polypseg.data.PreparedSample;
import org.polypseg.data.SamplePair;
import org.polypseg.data.ValidationSplit;
import org.polypseg.image.ImageReadException;
import org.polypseg.model.PretrainedMobileNetUNet;
import org.polypseg.model.SegmentationNetwork;
import org.polypseg.model.mobilenet.PretrainedWeightsException;
import org.polypseg.model.ImageTensors;
import org.polypseg.model.ModelInfo;
import org.polypseg.model.ModelSpec;
import org.polypseg.model.ModelStore;
import org.polypseg.quantum.CircuitExecution;
import org.polypseg.quantum.StateVectorBackend;
import org.polypseg.quantum.StrangeBackend;

/**
 * The training loop: the structure loss (or Dice+BCE), Adam with warm-up and cosine decay (the
 * pretrained encoder at a lower rate), seeded split, augmentation, optionally multi-scale batches,
 * deep supervision and a moving average of the weights; validation Dice after every epoch, the
 * best epoch saved to the output folder, and a resumable checkpoint of the last epoch.
 */
public final class ModelTrainer {

  private static final String CHECKPOINT_MODEL = "last";
  private static final String HISTORY = "training_curves.csv";
  private static final String CHART = "training_curves.png";

  private final TrainOptions options;
  private final PrintStream log;
  private CircuitExecution execution = CircuitExecution.EXACT;
  private Path startFrom;
  /** The moving average of the weights during {@link #train}, when the options ask for one. */
  private WeightAverage average;

  public ModelTrainer(TrainOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  /**
   * Trains with the circuit run this way (shots: expectations and parameter-shift gradients
   * estimated from samples; noise: the density matrix), and validates the same way. Default exact.
   */
  public ModelTrainer circuitExecution(CircuitExecution execution) {
    this.execution = execution;
    return this;
  }

  /**
   * Fine-tunes: starts from the weights of the saved model in {@code modelDir} (its architecture
   * must be {@link TrainOptions#architecture()}) instead of ImageNet or random weights.
   */
  public ModelTrainer startFrom(Path modelDir) {
    this.startFrom = modelDir;
    return this;
  }

  /** Runs the whole schedule (or what remains of it after a resume); returns every epoch's row. */
  public List<EpochRecord> train()
      throws DataFolderException, ImageReadException, IOException, PretrainedWeightsException {
    TrainingState state = options.resume() ? TrainingState.read(options.checkpoints()) : null;
    // Read the ImageNet file first: a wrong file fails before minutes of image decoding. A resumed
    // run starts from its checkpoint and records the file the first run started from.
    EncoderStart imagenet =
        options.architecture().pretrainedEncoder() && options.pretrained() != null && state == null
            && startFrom == null
            ? EncoderStart.read(options.architecture(), options.pretrained()) : null;
    // What model.json says of the ImageNet weights the encoder started from.
    Map<String, Object> pretrainedRecord = imagenet != null ? imagenet.record()
        : state != null ? previousPretrainedRecord()
        : startFrom != null ? pretrainedRecordOf(startFrom) : null;
    List<SamplePair> pairs = DataFolder.scanAll(options.data());
    ValidationSplit split = ValidationSplit.of(pairs, options.validationFraction(), options.splitSeed());
    int size = options.architecture().inputSize();
    log.printf("data: %d pairs -> %d training, %d validation (split seed %d)%n", pairs.size(),
        split.train().size(), split.validation().size(), options.splitSeed());
    SampleCache cache = new SampleCache(options.cache() == null ? options.checkpoints() : options.cache(), size);
    List<PreparedSample> train = cache.load(split.train(), "training", log);
    List<PreparedSample> validation = cache.load(split.validation(), "validation", log);

    Files.createDirectories(options.checkpoints());
    int startEpoch = state == null ? 0 : state.epochsDone();
    if (state != null) {
      log.printf("resuming after epoch %d (best validation Dice %.4f at epoch %d)%n",
          state.epochsDone(), state.bestDice(), state.bestEpoch());
    }
    List<EpochRecord> history =
        state == null ? new ArrayList<>() : TrainingCurves.readCsv(options.checkpoints().resolve(HISTORY));
    double bestDice = state == null ? -1 : state.bestDice();
    int bestEpoch = state == null ? 0 : state.bestEpoch();

    int batchesPerEpoch = batchesPerEpoch(train.size());
    int totalSteps = batchesPerEpoch * options.epochs();
    WarmupCosineSchedule schedule = new WarmupCosineSchedule(options.learningRate(),
        options.learningRate() * 0.01f, Math.min(batchesPerEpoch, 200), totalSteps,
        startEpoch * batchesPerEpoch);
    SegmentationNetwork network = SegmentationNetwork.create(options.architecture(),
        execution.backend(new StrangeBackend()));
    if (!execution.exact() && network.circuit() != null) {
      // The blocks train on their own exact state vector unless told otherwise: the forward values
      // and parameter-shift gradients of training must come from the shots and noise too.
      network.setTrainingBackend(execution.backend(new StateVectorBackend()));
      log.println("circuit: " + execution.describe() + " (training and validation)");
    }
    Random initSeed = new Random(options.seed());
    ai.djl.engine.Engine.getInstance().setRandomSeed(initSeed.nextInt());

    try (Model model = Model.newInstance("polypseg")) {
      // What the optimiser trains: the network, or the network with deep supervision's side heads.
      DeepSupervision supervised = options.deepSupervision()
          ? new DeepSupervision((PretrainedMobileNetUNet) network) : null;
      Block trained = supervised != null ? supervised : network;
      model.setBlock(trained);
      Shape inputShape = new Shape(options.batchSize(), 3, size, size);
      // Initialise before the trainer does: it caches every parameter's array in its parameter
      // store, so weights must be copied into those same arrays (in place) before or after.
      trained.initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
      if (imagenet != null) {
        imagenet.loader().accept(network);
        log.println(imagenet.logLine() + " from " + options.pretrained());
      }
      DefaultTrainingConfig config = new DefaultTrainingConfig(loss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(rates(network, schedule)).build())
          .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        if (state != null) {
          // Load before the trainer initializes: it caches every parameter's array in its
          // parameter store, and loading afterwards would swap in new arrays that the optimizer
          // never sees (training would go on from random weights and save the stale checkpoint).
          loadWeights(network, model.getNDManager(), options.checkpoints().resolve(CHECKPOINT_MODEL));
          if (supervised != null && !supervised.loadHeads(model.getNDManager(), options.checkpoints())) {
            log.println("deep supervision: no side heads in the checkpoint, starting them afresh");
          }
        }
        if (state == null && startFrom != null) {
          // Before the trainer initializes, for the same reason as a checkpoint above.
          loadWeights(network, model.getNDManager(), startFrom);
          log.println("fine-tuning from " + startFrom);
        }
        trainer.initialize(inputShape);
        average = startAverage(network, model.getNDManager(), state != null);
        for (int epoch = startEpoch; epoch < options.epochs(); epoch++) {
          double lastDice = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).validationDice();
          EpochRecord row = runEpoch(trainer, network, train, validation, epoch, schedule, lastDice);
          history.add(row);
          log.printf("epoch %d/%d: loss %.4f, validation Dice %.4f, %.0f s (circuit %.1f s)%n",
              row.epoch(), options.epochs(), row.trainLoss(), row.validationDice(), row.seconds(),
              row.quantumSeconds());
          if (row.validationDice() > bestDice) {
            bestDice = row.validationDice();
            bestEpoch = row.epoch();
            // The weights validated are the ones saved: the average's, when there is one.
            ModelInfo best = info(row, bestDice, bestEpoch, pairs.size(), split, history, pretrainedRecord);
            withAveragedWeights(() -> {
              ModelStore.save(options.output(), network, best);
              return null;
            });
            log.printf("  new best: saved to %s%n", options.output());
          }
          // The checkpoint keeps the live weights (training goes on from them) and the average.
          ModelStore.save(options.checkpoints().resolve(CHECKPOINT_MODEL), network,
              info(row, bestDice, bestEpoch, pairs.size(), split, history, pretrainedRecord));
          if (average != null) {
            average.save(options.checkpoints());
          }
          if (supervised != null) {
            supervised.saveHeads(options.checkpoints());
          }
          TrainingCurves.writeCsv(history, options.checkpoints().resolve(HISTORY));
          TrainingCurves.writeCsv(history, options.output().resolve(HISTORY));
          TrainingCurves.writeChart(history, options.output().resolve(CHART));
          new TrainingState(row.epoch(), bestDice, bestEpoch).write(options.checkpoints());
        }
      } finally {
        if (average != null) {
          average.close();
          average = null;
        }
      }
    }
    return history;
  }

  /** Something done with the network's weights that may write files. */
  private interface WeightsAction<T> {
    T run() throws IOException;
  }

  /** Runs {@code action} with the averaged weights in the network, when there is an average. */
  private <T> T withAveragedWeights(WeightsAction<T> action) throws IOException {
    if (average == null) {
      return action.run();
    }
    average.swapIn();
    try {
      return action.run();
    } finally {
      average.swapOut();
    }
  }

  /** The weight average, continued from the checkpoint when resuming; null when it is off. */
  private WeightAverage startAverage(SegmentationNetwork network, NDManager manager, boolean resuming)
      throws IOException {
    if (options.averageDecay() == 0) {
      return null;
    }
    WeightAverage started = new WeightAverage(network, options.averageDecay(), manager);
    if (resuming && !started.restore(options.checkpoints())) {
      log.println("weight average: none in the checkpoint, starting from the loaded weights");
    }
    return started;
  }

  private int batchesPerEpoch(int trainSize) {
    int all = trainSize / options.batchSize();
    return options.maxBatchesPerEpoch() > 0 ? Math.min(all, options.maxBatchesPerEpoch()) : all;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> previousPretrainedRecord() {
    try {
      Object record = ModelStore.readInfo(options.checkpoints().resolve(CHECKPOINT_MODEL)).training()
          .get("pretrainedEncoder");
      return record instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    } catch (org.polypseg.model.ModelLoadException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> pretrainedRecordOf(Path modelDir) {
    try {
      Map<String, Object> training = ModelStore.readInfo(modelDir).training();
      Object record = training == null ? null : training.get("pretrainedEncoder");
      return record instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    } catch (org.polypseg.model.ModelLoadException e) {
      return null;
    }
  }

  private Loss loss() {
    Loss base = TrainOptions.STRUCTURE_LOSS.equals(options.loss()) ? new StructureLoss() : new DiceBceLoss();
    return options.deepSupervision() ? new DeepSupervision.EveryOutput(base) : base;
  }

  /** The schedule, with the pretrained encoder at {@code encoderRateFactor} of it. */
  private ParameterTracker rates(SegmentationNetwork network, WarmupCosineSchedule schedule) {
    Block encoder = network.pretrainedEncoderBlock();
    if (encoder == null || options.encoderRateFactor() == 1f) {
      return schedule;
    }
    Set<String> encoderIds = new HashSet<>();
    encoder.getParameters().values().forEach(p -> encoderIds.add(p.getId()));
    return new LayerRates(schedule, encoderIds, options.encoderRateFactor());
  }

  private EpochRecord runEpoch(Trainer trainer, SegmentationNetwork network, List<PreparedSample> train,
      List<PreparedSample> validation, int epoch, WarmupCosineSchedule schedule,
      double lastValidationDice) throws IOException {
    int size = options.architecture().inputSize();
    int plane = size * size;
    int batch = options.batchSize();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      order.add(i);
    }
    Random random = new Random(options.seed() * 1_000_003L + epoch);
    java.util.Collections.shuffle(order, random);
    int batches = batchesPerEpoch(train.size());
    long circuitBefore = network.circuitNanos();
    double lossSum = 0;
    long start = System.nanoTime();
    try (ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(String.format("epoch %d/%d", epoch + 1, options.epochs()))
        .setInitialMax(batches)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(1000)
        .continuousUpdate()
        .build()) {
      for (int b = 0; b < batches; b++) {
        float[] x = new float[batch * 3 * plane];
        float[] y = new float[batch * plane];
        for (int i = 0; i < batch; i++) {
          float[][] augmented = Augmentation.apply(train.get(order.get(b * batch + i)), random);
          ImageTensors.normaliseInPlace(augmented[0], plane, options.architecture().normalisation());
          System.arraycopy(augmented[0], 0, x, i * 3 * plane, 3 * plane);
          System.arraycopy(augmented[1], 0, y, i * plane, plane);
        }
        try (NDManager scope = trainer.getManager().newSubManager()) {
          NDArray input = scope.create(x, new Shape(batch, 3, size, size));
          NDArray truth = scope.create(y, new Shape(batch, 1, size, size));
          if (options.scales().size() > 1) {
            // Multi-scale training: this batch at one of the sizes (drawn only then, so that a
            // single-scale run's random stream is what it always was).
            int side = options.sideAt(options.scales().get(random.nextInt(options.scales().size())));
            if (side != size) {
              input = ImageTensors.resizeBatch(input, side);
              truth = ImageTensors.resizeBatch(truth, side);
            }
          }
          float loss;
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList logits = trainer.forward(new NDList(input));
            NDArray value = trainer.getLoss().evaluate(new NDList(truth), logits);
            collector.backward(value);
            loss = value.getFloat();
          }
          trainer.step();
          if (average != null) {
            average.update();
          }
          lossSum += loss;
        }
        bar.step();
        bar.setExtraMessage(String.format(" loss %.4f, last val Dice %.4f", lossSum / (b + 1),
            lastValidationDice));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long circuitAfter = network.circuitNanos();
    double dice = withAveragedWeights(
        () -> validate(trainer, validation, options.architecture().normalisation()));
    float rate = schedule.rateAt((epoch + 1) * batches - 1);
    return new EpochRecord(epoch + 1, lossSum / batches, dice, rate, seconds,
        (circuitAfter - circuitBefore) / 1e9);
  }

  /** Mean per-image Dice at threshold 0.5, at the input size. */
  static double validate(Trainer trainer, List<PreparedSample> validation,
      ImageTensors.Normalisation normalisation) {
    if (validation.isEmpty()) {
      return 0;
    }
    int size = validation.get(0).size();
    int plane = size * size;
    int chunk = 8;
    double sum = 0;
    for (int from = 0; from < validation.size(); from += chunk) {
      int count = Math.min(chunk, validation.size() - from);
      float[] x = new float[count * 3 * plane];
      for (int i = 0; i < count; i++) {
        float[] image = Augmentation.plain(validation.get(from + i))[0];
        ImageTensors.normaliseInPlace(image, plane, normalisation);
        System.arraycopy(image, 0, x, i * 3 * plane, 3 * plane);
      }
      float[] probabilities;
      try (NDManager scope = trainer.getManager().newSubManager()) {
        NDArray input = scope.create(x, new Shape(count, 3, size, size));
        probabilities = Activation.sigmoid(trainer.evaluate(new NDList(input)).singletonOrThrow())
            .toFloatArray();
      }
      for (int i = 0; i < count; i++) {
        byte[] mask = validation.get(from + i).mask();
        long tp = 0;
        long predicted = 0;
        long actual = 0;
        for (int p = 0; p < plane; p++) {
          boolean positive = probabilities[i * plane + p] >= 0.5f;
          boolean truth = mask[p] != 0;
          if (positive) predicted++;
          if (truth) actual++;
          if (positive && truth) tp++;
        }
        sum += tp == 0 ? 0 : 2.0 * tp / (predicted + actual);
      }
    }
    return sum / validation.size();
  }

  private static void loadWeights(SegmentationNetwork network, NDManager manager, Path dir) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve(ModelStore.WEIGHTS_FILE)));
        DataInputStream data = new DataInputStream(in)) {
      network.loadParameters(manager, data);
    } catch (MalformedModelException e) {
      throw new IOException(dir + ": checkpoint cannot be loaded (" + e.getMessage() + ")", e);
    }
  }

  private ModelInfo info(EpochRecord row, double bestDice, int bestEpoch, int pairs,
      ValidationSplit split, List<EpochRecord> history, Map<String, Object> pretrainedRecord) {
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("data", options.data().stream().map(Path::toString).toList());
    training.put("pairs", pairs);
    training.put("trainingPairs", split.train().size());
    training.put("validationPairs", split.validation().size());
    training.put("epochs", options.epochs());
    training.put("epochsDone", row.epoch());
    training.put("bestEpoch", bestEpoch);
    training.put("bestValidationDice", bestDice);
    training.put("batchSize", options.batchSize());
    training.put("learningRate", options.learningRate());
    if (options.architecture().pretrainedEncoder()) {
      training.put("encoderLearningRateFactor", options.encoderRateFactor());
      training.put("pretrainedEncoder", pretrainedRecord);
    }
    training.put("schedule", "linear warm-up then cosine decay to 1% (per step)");
    training.put("scales", options.scales());
    training.put("weightAverageDecay", options.averageDecay());
    training.put("deepSupervision", options.deepSupervision());
    training.put("optimizer", "Adam");
    training.put("loss", (TrainOptions.STRUCTURE_LOSS.equals(options.loss())
        ? "structure loss (weighted BCE + weighted IoU, PraNet)" : "BCE + soft Dice")
        + (options.deepSupervision() ? ", summed over the output and 3 side outputs (the training"
            + " loss in the curves is that sum)" : ""));
    training.put("seed", options.seed());
    training.put("splitSeed", options.splitSeed());
    training.put("validationFraction", options.validationFraction());
    if (startFrom != null) {
      training.put("fineTunedFrom", startFrom.toString());
    }
    // Not part of the architecture: the saved model runs exactly unless told otherwise.
    training.put("circuitExecution", execution.describe());
    training.put("trainingSeconds", history.stream().mapToDouble(EpochRecord::seconds).sum());
    training.put("hardware", Runtime.getRuntime().availableProcessors() + " CPU cores, "
        + System.getProperty("os.arch") + ", PyTorch CPU via DJL");
    training.put("savedAt", Instant.now().toString());
    String mixer = switch (options.architecture().mixer()) {
      case ModelSpec.QUANTUM -> "hybrid";
      case ModelSpec.CLASSICAL -> "classical";
      default -> "nomixer";
    };
    String encoder = switch (options.architecture().encoder()) {
      case ModelSpec.EFFICIENTNET_B0 -> "-efficientnetb0";
      case ModelSpec.MOBILENET_V2 -> "-mobilenetv2";
      default -> "";
    };
    String name = "polypseg-" + mixer + encoder + "-unet";
    return new ModelInfo(name, options.architecture(), training);
  }

}
