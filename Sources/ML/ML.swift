/// Learners, AutoML, stacking, calibration and metrics in pure Swift, free of I/O.
public enum ML {}
