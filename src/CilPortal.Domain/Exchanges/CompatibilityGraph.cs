using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Exchanges;

/// <summary>A listing the tenant could move into (or that wants the tenant's dwelling), with the leg score.</summary>
public readonly record struct ExchangeMatch(int ListingId, int Score);

/// <summary>
/// Who wants whose dwelling: a directed edge A → B when A's household accepts B's dwelling
/// (<see cref="ExchangeCriteria.Accepts"/>), weighted by the leg score (<see cref="ExchangeCriteria.Score"/>).
/// </summary>
/// <remarks>
/// Listings are numbered 0 to <see cref="Count"/> − 1 in the order given to <see cref="Build"/>. The edges are stored in
/// compressed rows (CSR): one array of targets sorted by index within each source, one byte of score per edge, and the
/// reverse rows for the predecessors; about 10 bytes per edge and 12 per listing. The graph is immutable and safe to share
/// between threads (a page can cache it and rebuild it when a listing changes).
/// </remarks>
public sealed class CompatibilityGraph
{
    private const int TypologyCount = 6;

    private readonly ExchangeCandidate[] candidates;
    private readonly Dictionary<int, int> indexByListing;
    private readonly int[] outStart;
    private readonly int[] outTarget;
    private readonly byte[] outScore;
    private readonly int[] inStart;
    private readonly int[] inSource;
    private readonly byte[] inScore;

    private CompatibilityGraph(ExchangeCandidate[] candidates, Dictionary<int, int> indexByListing, int[] outStart, int[] outTarget, byte[] outScore)
    {
        this.candidates = candidates;
        this.indexByListing = indexByListing;
        this.outStart = outStart;
        this.outTarget = outTarget;
        this.outScore = outScore;
        (inStart, inSource, inScore) = Reverse(candidates.Length, outStart, outTarget, outScore);
    }

    /// <summary>The number of listings.</summary>
    public int Count => candidates.Length;

    /// <summary>The number of edges (pairs « A accepts B's dwelling »).</summary>
    public long EdgeCount => outTarget.Length;

    /// <summary>The listings, by index.</summary>
    public IReadOnlyList<ExchangeCandidate> Candidates => candidates;

    /// <summary>The bytes held by the graph's arrays (the candidates themselves excepted).</summary>
    public long ArrayBytes =>
        ((long)outStart.Length + inStart.Length + outTarget.Length + inSource.Length) * sizeof(int) + outScore.Length + inScore.Length;

    /// <summary>
    /// Builds the graph through an index of the offered dwellings by commune × typology, each bucket sorted by rent: a wish
    /// visits only the buckets of its communes (all when none) and typologies (all when none), and in each only the dwellings
    /// up to its maximum rent; the other rules are then checked one by one. Never compares all pairs unless every wish is open.
    /// </summary>
    /// <exception cref="ArgumentException">Two candidates share a listing id, or a typology is out of range.</exception>
    public static CompatibilityGraph Build(IReadOnlyList<ExchangeCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var all = candidates.ToArray();
        var n = all.Length;
        var indexByListing = new Dictionary<int, int>(n);
        for (var i = 0; i < n; i++)
        {
            if (!indexByListing.TryAdd(all[i].ListingId, i))
            {
                throw new ArgumentException($"Listing {all[i].ListingId} appears twice.", nameof(candidates));
            }

            if (all[i].Offered.Typology is < Typology.T1 or > Typology.T6)
            {
                throw new ArgumentException($"Listing {all[i].ListingId} has an unknown typology.", nameof(candidates));
            }
        }

        var index = new DwellingIndex(all);
        var outStart = new int[n + 1];
        var targets = new GrowableArray<int>(Math.Max(16, n * 8));
        var scores = new GrowableArray<byte>(Math.Max(16, n * 8));
        var rowTargets = new GrowableArray<int>(256);
        var rowScores = new GrowableArray<byte>(256);
        for (var a = 0; a < n; a++)
        {
            rowTargets.Clear();
            rowScores.Clear();
            index.Collect(a, ref rowTargets, ref rowScores);
            if (rowTargets.Count > 1)
            {
                Array.Sort(rowTargets.Items, rowScores.Items, 0, rowTargets.Count);
            }

            targets.AddRange(rowTargets.Items.AsSpan(0, rowTargets.Count));
            scores.AddRange(rowScores.Items.AsSpan(0, rowScores.Count));
            outStart[a + 1] = targets.Count;
        }

        return new(all, indexByListing, outStart, targets.ToArray(), scores.ToArray());
    }

    /// <summary>The index of a listing (its position in the list given to <see cref="Build"/>).</summary>
    /// <exception cref="KeyNotFoundException">The listing is not in the graph.</exception>
    public int IndexOf(int listingId) =>
        indexByListing.TryGetValue(listingId, out var index) ? index : throw new KeyNotFoundException($"Listing {listingId} is not in the graph.");

    public bool TryGetIndex(int listingId, out int index) => indexByListing.TryGetValue(listingId, out index);

    /// <summary>The indices of the listings whose dwelling <paramref name="index"/>'s household accepts, ascending.</summary>
    public ReadOnlySpan<int> Successors(int index) => outTarget.AsSpan(outStart[index], outStart[index + 1] - outStart[index]);

    /// <summary>The scores of the edges of <see cref="Successors"/>, in the same order.</summary>
    public ReadOnlySpan<byte> SuccessorScores(int index) => outScore.AsSpan(outStart[index], outStart[index + 1] - outStart[index]);

    /// <summary>The indices of the listings whose household accepts <paramref name="index"/>'s dwelling, ascending.</summary>
    public ReadOnlySpan<int> Predecessors(int index) => inSource.AsSpan(inStart[index], inStart[index + 1] - inStart[index]);

    /// <summary>The scores of the edges of <see cref="Predecessors"/>, in the same order.</summary>
    public ReadOnlySpan<byte> PredecessorScores(int index) => inScore.AsSpan(inStart[index], inStart[index + 1] - inStart[index]);

    /// <summary>The score of the edge <paramref name="from"/> → <paramref name="to"/> (indices), or −1 when there is none.</summary>
    public int EdgeScore(int from, int to)
    {
        var position = Successors(from).BinarySearch(to);
        return position >= 0 ? outScore[outStart[from] + position] : -1;
    }

    /// <summary>The dwellings <paramref name="listingId"/>'s household accepts, best score first (then listing id).</summary>
    public IReadOnlyList<ExchangeMatch> AcceptedBy(int listingId)
    {
        var index = IndexOf(listingId);
        return Matches(Successors(index), SuccessorScores(index));
    }

    /// <summary>The listings whose household accepts <paramref name="listingId"/>'s dwelling, best score first (then listing id).</summary>
    public IReadOnlyList<ExchangeMatch> InterestedIn(int listingId)
    {
        var index = IndexOf(listingId);
        return Matches(Predecessors(index), PredecessorScores(index));
    }

    private List<ExchangeMatch> Matches(ReadOnlySpan<int> others, ReadOnlySpan<byte> scores)
    {
        var matches = new List<ExchangeMatch>(others.Length);
        for (var i = 0; i < others.Length; i++)
        {
            matches.Add(new(candidates[others[i]].ListingId, scores[i]));
        }

        matches.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.ListingId.CompareTo(y.ListingId));
        return matches;
    }

    /// <summary>
    /// Every 2-way swap and 3-way chain <paramref name="listingId"/> takes part in, each listed from that listing
    /// (<c>ListingIds[0] == listingId</c>), ranked by <see cref="ExchangeCycle.CompareByRank"/>.
    /// </summary>
    public IReadOnlyList<ExchangeCycle> CyclesOf(int listingId)
    {
        var v = IndexOf(listingId);
        var cycles = new List<ExchangeCycle>();
        var next = Successors(v);
        var nextScores = SuccessorScores(v);
        for (var i = 0; i < next.Length; i++)
        {
            var a = next[i];
            var back = EdgeScore(a, v);
            if (back >= 0)
            {
                cycles.Add(new([listingId, candidates[a].ListingId], [nextScores[i], back]));
            }

            var then = Successors(a);
            var thenScores = SuccessorScores(a);
            for (var j = 0; j < then.Length; j++)
            {
                var b = then[j];
                if (b == v)
                {
                    continue;
                }

                var close = EdgeScore(b, v);
                if (close >= 0)
                {
                    cycles.Add(new([listingId, candidates[a].ListingId, candidates[b].ListingId], [nextScores[i], thenScores[j], close]));
                }
            }
        }

        cycles.Sort(ExchangeCycle.CompareByRank);
        return cycles;
    }

    /// <summary>
    /// Every 2-way swap and 3-way chain of the graph, once each, in the canonical rotation (smallest index first), ordered by
    /// their first index then as found. A 3-way chain and its reverse (A → C → B → A) are two cycles when both exist.
    /// </summary>
    public ExchangeCycleSet AllCycles()
    {
        var n = Count;
        var members = new GrowableArray<int>(Math.Max(16, n * 3));
        var legScores = new GrowableArray<byte>(Math.Max(16, n * 3));
        var twoWay = 0;
        var mark = new int[n];
        Array.Fill(mark, -1);
        var backScore = new byte[n];
        for (var u = 0; u < n; u++)
        {
            var preds = Predecessors(u);
            var predScores = PredecessorScores(u);
            for (var k = Above(preds, u); k < preds.Length; k++)
            {
                mark[preds[k]] = u;
                backScore[preds[k]] = predScores[k];
            }

            var next = Successors(u);
            var nextScores = SuccessorScores(u);
            for (var i = Above(next, u); i < next.Length; i++)
            {
                var v = next[i];
                if (mark[v] == u)
                {
                    members.Add(u);
                    members.Add(v);
                    members.Add(-1);
                    legScores.Add(nextScores[i]);
                    legScores.Add(backScore[v]);
                    legScores.Add(0);
                    twoWay++;
                }

                var then = Successors(v);
                var thenScores = SuccessorScores(v);
                for (var j = Above(then, u); j < then.Length; j++)
                {
                    var w = then[j];
                    if (mark[w] == u)
                    {
                        members.Add(u);
                        members.Add(v);
                        members.Add(w);
                        legScores.Add(nextScores[i]);
                        legScores.Add(thenScores[j]);
                        legScores.Add(backScore[w]);
                    }
                }
            }
        }

        return new(this, members.Items, legScores.Items, members.Count / 3, twoWay);
    }

    /// <summary>The first position in a sorted span whose value is above <paramref name="value"/>.</summary>
    private static int Above(ReadOnlySpan<int> sorted, int value)
    {
        var position = sorted.BinarySearch(value);
        return position >= 0 ? position + 1 : ~position;
    }

    private static (int[] Start, int[] Source, byte[] Score) Reverse(int n, int[] outStart, int[] outTarget, byte[] outScore)
    {
        var start = new int[n + 1];
        foreach (var target in outTarget)
        {
            start[target + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = start[..n];
        var source = new int[outTarget.Length];
        var score = new byte[outTarget.Length];
        for (var from = 0; from < n; from++)
        {
            for (var e = outStart[from]; e < outStart[from + 1]; e++)
            {
                var slot = fill[outTarget[e]]++;
                source[slot] = from;
                score[slot] = outScore[e];
            }
        }

        return (start, source, score);
    }

    /// <summary>The offered dwellings bucketed by commune × typology, each bucket sorted by rent (then index).</summary>
    private sealed class DwellingIndex
    {
        private readonly ExchangeCandidate[] candidates;
        private readonly ExchangeDwelling[] dwellings;
        private readonly Dictionary<string, int> communes = new(StringComparer.Ordinal);
        private readonly int[] bucketStart;
        private readonly int[] bucketMembers;
        private readonly decimal[] bucketRents;
        private readonly int[][] bucketsByTypology;

        public DwellingIndex(ExchangeCandidate[] candidates)
        {
            this.candidates = candidates;
            dwellings = Array.ConvertAll(candidates, c => c.Offered);
            var bucketOf = new int[dwellings.Length];
            for (var i = 0; i < dwellings.Length; i++)
            {
                if (!communes.TryGetValue(dwellings[i].CommuneInseeCode, out var commune))
                {
                    commune = communes.Count;
                    communes.Add(dwellings[i].CommuneInseeCode, commune);
                }

                bucketOf[i] = Bucket(commune, dwellings[i].Typology);
            }

            var buckets = communes.Count * TypologyCount;
            bucketStart = new int[buckets + 1];
            foreach (var bucket in bucketOf)
            {
                bucketStart[bucket + 1]++;
            }

            for (var b = 0; b < buckets; b++)
            {
                bucketStart[b + 1] += bucketStart[b];
            }

            var fill = bucketStart[..buckets];
            bucketMembers = new int[dwellings.Length];
            for (var i = 0; i < dwellings.Length; i++)
            {
                bucketMembers[fill[bucketOf[i]]++] = i;
            }

            bucketRents = new decimal[dwellings.Length];
            for (var b = 0; b < buckets; b++)
            {
                var members = bucketMembers.AsSpan(bucketStart[b], bucketStart[b + 1] - bucketStart[b]);
                var rents = bucketRents.AsSpan(bucketStart[b], members.Length);
                for (var k = 0; k < members.Length; k++)
                {
                    rents[k] = dwellings[members[k]].RentWithCharges;
                }

                // Members are in index order already: a stable sort by rent keeps ties by index.
                var order = members.ToArray();
                var keys = rents.ToArray();
                var positions = Enumerable.Range(0, order.Length).ToArray();
                Array.Sort(positions, (x, y) => keys[x] != keys[y] ? keys[x].CompareTo(keys[y]) : x.CompareTo(y));
                for (var k = 0; k < positions.Length; k++)
                {
                    members[k] = order[positions[k]];
                    rents[k] = keys[positions[k]];
                }
            }

            bucketsByTypology = new int[TypologyCount][];
            for (var t = 0; t < TypologyCount; t++)
            {
                bucketsByTypology[t] = [.. Enumerable.Range(0, communes.Count)
                    .Select(c => (c * TypologyCount) + t)
                    .Where(b => bucketStart[b + 1] > bucketStart[b])];
            }
        }

        private static int Bucket(int commune, Typology typology) => (commune * TypologyCount) + ((int)typology - 1);

        /// <summary>Adds the edges out of <paramref name="source"/> (in bucket order, unsorted).</summary>
        public void Collect(int source, ref GrowableArray<int> targets, ref GrowableArray<byte> scores)
        {
            var wish = candidates[source].Wanted;
            var typologies = wish.Typologies == TypologySet.None ? (1 << TypologyCount) - 1 : (int)wish.Typologies & ((1 << TypologyCount) - 1);
            if (wish.CommuneInseeCodes.Count == 0)
            {
                for (var t = 0; t < TypologyCount; t++)
                {
                    if ((typologies & (1 << t)) != 0)
                    {
                        foreach (var bucket in bucketsByTypology[t])
                        {
                            Scan(source, wish, bucket, ref targets, ref scores);
                        }
                    }
                }

                return;
            }

            foreach (var code in wish.CommuneInseeCodes)
            {
                if (!communes.TryGetValue(code, out var commune))
                {
                    continue;
                }

                for (var t = 0; t < TypologyCount; t++)
                {
                    if ((typologies & (1 << t)) != 0)
                    {
                        Scan(source, wish, (commune * TypologyCount) + t, ref targets, ref scores);
                    }
                }
            }
        }

        private void Scan(int source, ExchangeWish wish, int bucket, ref GrowableArray<int> targets, ref GrowableArray<byte> scores)
        {
            var start = bucketStart[bucket];
            var end = bucketStart[bucket + 1];
            if (wish.MaxRentWithCharges is { } max)
            {
                end = start + UpTo(bucketRents.AsSpan(start, end - start), max);
            }

            for (var k = start; k < end; k++)
            {
                var target = bucketMembers[k];
                var dwelling = dwellings[target];
                if (target != source && ExchangeCriteria.AcceptsBeyondPlace(wish, dwelling))
                {
                    targets.Add(target);
                    scores.Add((byte)ExchangeCriteria.ScoreAccepted(wish, dwelling));
                }
            }
        }

        /// <summary>The number of leading rents at most <paramref name="max"/> in an ascending span.</summary>
        private static int UpTo(ReadOnlySpan<decimal> rents, decimal max)
        {
            int low = 0, high = rents.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (rents[middle] <= max)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}

/// <summary>A minimal growable array of unmanaged values (no per-element overhead, exposes its buffer).</summary>
internal struct GrowableArray<T>(int capacity)
    where T : unmanaged
{
    public T[] Items { get; private set; } = new T[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == Items.Length)
        {
            Grow(Count + 1);
        }

        Items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        if (Count + items.Length > Items.Length)
        {
            Grow(Count + items.Length);
        }

        items.CopyTo(Items.AsSpan(Count));
        Count += items.Length;
    }

    public void Clear() => Count = 0;

    public readonly T[] ToArray() => Items.AsSpan(0, Count).ToArray();

    private void Grow(int needed)
    {
        var size = Math.Max(needed, (int)Math.Min(Array.MaxLength, (long)Items.Length * 2));
        var bigger = new T[size];
        Items.AsSpan(0, Count).CopyTo(bigger);
        Items = bigger;
    }
}
