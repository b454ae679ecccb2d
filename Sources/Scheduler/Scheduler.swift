/// The singleton cron scheduler that turns time into jobs.
public enum Scheduler {}
