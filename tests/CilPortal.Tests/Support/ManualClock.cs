namespace CilPortal.Tests.Support;

/// <summary>A clock that stands still until a test moves it forward (session timeouts, authenticator-code steps).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
}
