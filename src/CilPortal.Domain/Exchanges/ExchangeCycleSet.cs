using System.Collections;

namespace CilPortal.Domain.Exchanges;

/// <summary>
/// The 2-way swaps and 3-way chains of a <see cref="CompatibilityGraph"/>, stored compactly (three listing indices and three
/// scores per cycle); <see cref="this[int]"/> makes an <see cref="ExchangeCycle"/> (listing ids) on demand.
/// Each cycle is in its canonical rotation: its smallest index first.
/// </summary>
public sealed class ExchangeCycleSet : IReadOnlyList<ExchangeCycle>
{
    private readonly int[] members;
    private readonly byte[] scores;

    internal ExchangeCycleSet(CompatibilityGraph graph, int[] members, byte[] scores, int count, int twoWayCount)
    {
        Graph = graph;
        this.members = members;
        this.scores = scores;
        Count = count;
        TwoWayCount = twoWayCount;
    }

    public CompatibilityGraph Graph { get; }

    public int Count { get; }

    /// <summary>The number of 2-way swaps.</summary>
    public int TwoWayCount { get; }

    /// <summary>The number of 3-way chains.</summary>
    public int ThreeWayCount => Count - TwoWayCount;

    /// <summary>The bytes held by the set's arrays.</summary>
    public long ArrayBytes => ((long)members.Length * sizeof(int)) + scores.Length;

    /// <summary>The cycle with listing ids (allocates).</summary>
    public ExchangeCycle this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var length = LengthAt(index);
            var ids = new int[length];
            var legs = new int[length];
            for (var k = 0; k < length; k++)
            {
                ids[k] = Graph.Candidates[members[(3 * index) + k]].ListingId;
                legs[k] = scores[(3 * index) + k];
            }

            return new(ids, legs);
        }
    }

    /// <summary>2 or 3.</summary>
    public int LengthAt(int index) => members[(3 * index) + 2] < 0 ? 2 : 3;

    /// <summary>The graph index of the listing at <paramref name="position"/> in the cycle.</summary>
    public int MemberAt(int index, int position) => members[(3 * index) + position];

    /// <summary>The score of the leg starting at <paramref name="position"/>.</summary>
    public int LegScoreAt(int index, int position) => scores[(3 * index) + position];

    /// <summary>The sum of the leg scores of a cycle.</summary>
    public int TotalScoreAt(int index) => scores[3 * index] + scores[(3 * index) + 1] + scores[(3 * index) + 2];

    /// <summary>The cycles at the given positions, with listing ids.</summary>
    public IReadOnlyList<ExchangeCycle> At(IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return [.. indices.Select(i => this[i])];
    }

    public IEnumerator<ExchangeCycle> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
