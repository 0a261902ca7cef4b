namespace StrassenRepro.Model;

/// <summary>
/// One point of a run's curves after optimizer step Step (global, 1-based): the loss of that step's batch (before
/// the update, as the public code logs it), then on the weights after it: the loss on the run's fixed test set,
/// delta of the kept slots, and the slots with importance above the active threshold.
/// </summary>
public sealed record CurvePoint(long Step, int Phase, double TrainLoss, double TestLoss, double Delta, int ActiveSlots);
