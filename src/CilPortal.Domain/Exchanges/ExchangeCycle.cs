namespace CilPortal.Domain.Exchanges;

/// <summary>
/// A closed chain of moves: <c>ListingIds[i]</c>'s household moves into the dwelling of <c>ListingIds[(i + 1) % Length]</c>,
/// and <c>LegScores[i]</c> is the score of that leg (<see cref="ExchangeCriteria.Score"/>). A 2-way swap has two listings,
/// a 3-way chain three; a listing never appears twice.
/// </summary>
/// <remarks>
/// The combined score <see cref="Score"/> is the mean of the leg scores (0 to 100): it ranks the proposals shown to one tenant.
/// The global proposal maximises <see cref="TotalScore"/>, the sum of the leg scores, so that a 3-way chain counts the three
/// households it houses. Two cycles are equal when they list the same listings in the same order with the same scores
/// (rotations differ: the engine gives each cycle in one stated rotation).
/// </remarks>
public sealed record ExchangeCycle
{
    private readonly int[] listingIds;
    private readonly int[] legScores;

    public ExchangeCycle(IReadOnlyList<int> listingIds, IReadOnlyList<int> legScores)
    {
        ArgumentNullException.ThrowIfNull(listingIds);
        ArgumentNullException.ThrowIfNull(legScores);
        if (listingIds.Count < 2 || legScores.Count != listingIds.Count)
        {
            throw new ArgumentException("A cycle has at least two listings and one score per leg.", nameof(legScores));
        }

        this.listingIds = [.. listingIds];
        this.legScores = [.. legScores];
        for (var i = 1; i < this.listingIds.Length; i++)
        {
            if (Array.IndexOf(this.listingIds, this.listingIds[i], 0, i) >= 0)
            {
                throw new ArgumentException("A listing appears only once in a cycle.", nameof(listingIds));
            }
        }

        var total = 0;
        var weakest = int.MaxValue;
        foreach (var score in this.legScores)
        {
            total += score;
            weakest = Math.Min(weakest, score);
        }

        TotalScore = total;
        MinLegScore = weakest;
    }

    /// <summary>The listings in moving order: each household moves into the next one's dwelling, the last into the first's.</summary>
    public IReadOnlyList<int> ListingIds => listingIds;

    /// <summary>The score of each leg: <c>LegScores[i]</c> is how well <c>ListingIds[i + 1]</c>'s dwelling suits <c>ListingIds[i]</c>.</summary>
    public IReadOnlyList<int> LegScores => legScores;

    /// <summary>2 for a swap, 3 for a chain of three households.</summary>
    public int Length => listingIds.Length;

    /// <summary>The sum of the leg scores (what the global proposal maximises).</summary>
    public int TotalScore { get; }

    /// <summary>The weakest leg.</summary>
    public int MinLegScore { get; }

    /// <summary>The combined score: the mean of the leg scores, 0 to 100.</summary>
    public double Score => (double)TotalScore / Length;

    /// <summary>The listing whose dwelling <paramref name="listingId"/>'s household would move into.</summary>
    public int MovesInto(int listingId) => listingIds[(Position(listingId) + 1) % Length];

    /// <summary>The listing whose household would move into <paramref name="listingId"/>'s dwelling.</summary>
    public int MovesOut(int listingId) => listingIds[(Position(listingId) + Length - 1) % Length];

    /// <summary>The same cycle, listed from <paramref name="listingId"/>.</summary>
    public ExchangeCycle StartingAt(int listingId)
    {
        var start = Position(listingId);
        return start == 0 ? this : new(
            [.. Enumerable.Range(0, Length).Select(i => listingIds[(start + i) % Length])],
            [.. Enumerable.Range(0, Length).Select(i => legScores[(start + i) % Length])]);
    }

    private int Position(int listingId)
    {
        var position = Array.IndexOf(listingIds, listingId);
        return position >= 0 ? position : throw new ArgumentException($"Listing {listingId} is not in this cycle.", nameof(listingId));
    }

    public bool Equals(ExchangeCycle? other) =>
        other is not null && listingIds.AsSpan().SequenceEqual(other.listingIds) && legScores.AsSpan().SequenceEqual(other.legScores);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in listingIds)
        {
            hash.Add(id);
        }

        foreach (var score in legScores)
        {
            hash.Add(score);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        string.Join(" → ", listingIds) + $" → {listingIds[0]} (scores {string.Join(", ", legScores)}, moyenne {Score:0.#})";

    /// <summary>
    /// The order of the proposals shown to a tenant: combined score (mean) descending, then the weakest leg descending,
    /// then the shorter cycle (a swap before a chain), then the listing ids in order, ascending.
    /// </summary>
    public static int CompareByRank(ExchangeCycle? x, ExchangeCycle? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byMean = ((long)y.TotalScore * x.Length).CompareTo((long)x.TotalScore * y.Length);
        if (byMean != 0)
        {
            return byMean;
        }

        var byWeakest = y.MinLegScore.CompareTo(x.MinLegScore);
        if (byWeakest != 0)
        {
            return byWeakest;
        }

        var byLength = x.Length.CompareTo(y.Length);
        if (byLength != 0)
        {
            return byLength;
        }

        var byIds = x.listingIds.AsSpan().SequenceCompareTo(y.listingIds);
        return byIds != 0 ? byIds : x.legScores.AsSpan().SequenceCompareTo(y.legScores);
    }
}
