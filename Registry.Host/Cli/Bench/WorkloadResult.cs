namespace Registry.Host.Cli.Bench;

/// <summary>Throughput and per-call latency of one measured phase.</summary>
public sealed record WorkloadResult(long Events, double Seconds, double P50Milliseconds, double P99Milliseconds)
{
    public double EventsPerSecond => Events / Seconds;
}
