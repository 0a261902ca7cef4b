namespace StrassenRepro.Model;

public enum ScheduleKind { Constant, Cosine, CosineWarmRestarts }
