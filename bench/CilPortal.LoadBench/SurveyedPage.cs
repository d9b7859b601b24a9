namespace CilPortal.LoadBench;

/// <summary>One page of the survey: the shorter of its two reads, and the first (caches cold).</summary>
public sealed record SurveyedPage(string Account, string Path, int Status, TimeSpan Time, TimeSpan FirstTime, int Bytes);
