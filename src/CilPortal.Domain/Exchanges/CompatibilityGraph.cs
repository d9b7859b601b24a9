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
/// reverse rows for the predecessors: 10 bytes per edge, plus offsets and the id lookup per listing. The graph is immutable
/// and safe to share between threads (a page can cache it and rebuild it when a listing changes).
/// <para>
/// The graph keeps, of all the pairs « A accepts B's dwelling », those where B's dwelling is one of A's
/// <see cref="MaxEdgesPerListing"/> best (highest score, then lowest listing id), and those where A is one of the
/// <see cref="MaxEdgesPerListing"/> households B's dwelling suits best (same order): at most 2 × 100 edges a listing,
/// whatever the wishes. On a large territory a wish of a few communes accepts thousands of dwellings (on the benchmark
/// territory, 50,000 listings: 5,500 each at the median, 271 million pairs, 9 GB of graph), and a listing took part in
/// hundreds of thousands of chains, of which a tenant is shown twenty. The best dwellings of each household alone would
/// not do: everyone's best are the same few dwellings, and most listings would be in no one's; the best-suited households
/// of each dwelling give every listing its own way into a swap or chain. A swap or chain is thus offered only when each
/// household moves into one of its best dwellings or is among those its new dwelling suits best.
/// </para>
/// </remarks>
public sealed class CompatibilityGraph
{
    /// <summary>How many of its best dwellings a household keeps, and of its best-suited households a dwelling (see the remarks).</summary>
    public const int MaxEdgesPerListing = 100;

    private const int TypologyCount = 6;

    private readonly ExchangeCandidate[] candidates;
    private readonly Dictionary<int, int> indexByListing;
    private readonly int[] outStart;
    private readonly int[] outTarget;
    private readonly byte[] outScore;
    private readonly int[] inStart;
    private readonly int[] inSource;
    private readonly byte[] inScore;
    private readonly int[] acceptedCounts;

    private CompatibilityGraph(
        ExchangeCandidate[] candidates,
        Dictionary<int, int> indexByListing,
        int[] acceptedCounts,
        (int[] Start, int[] Target, byte[] Score) successors,
        (int[] Start, int[] Source, byte[] Score) predecessors)
    {
        this.candidates = candidates;
        this.indexByListing = indexByListing;
        this.acceptedCounts = acceptedCounts;
        (outStart, outTarget, outScore) = successors;
        (inStart, inSource, inScore) = predecessors;
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
    /// Builds the graph through an index of the offered dwellings by commune × typology (each bucket sorted by rent, and by
    /// surface in blocks sorted by rent): a wish visits only the buckets of its communes (all when none) and typologies (all
    /// when none), and in each only the dwellings within its maximum rent and down to its minimum surface; the other rules
    /// are then checked one by one. It never compares all pairs, unless every wish is open. Of the pairs found, it keeps each
    /// household's <see cref="MaxEdgesPerListing"/> best dwellings and each dwelling's as many best-suited households.
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

        // The rows come out of the index unsorted; reversing twice (two counting passes) sorts both directions.
        var index = new DwellingIndex(all);
        var rowStart = new int[n + 1];
        var targets = new GrowableArray<int>(Math.Max(16, n * 8));
        var scores = new GrowableArray<byte>(Math.Max(16, n * 8));
        var ties = new List<int>();
        var applicants = new BestApplicants(all);
        var acceptedCounts = new int[n];
        for (var a = 0; a < n; a++)
        {
            index.Collect(a, ref targets, ref scores);
            acceptedCounts[a] = targets.Count - rowStart[a];
            applicants.Offer(a, targets.Items.AsSpan(rowStart[a], targets.Count - rowStart[a]), scores.Items.AsSpan(rowStart[a], scores.Count - rowStart[a]));
            KeepBest(all, rowStart[a], ref targets, ref scores, ties);
            rowStart[a + 1] = targets.Count;
        }

        (rowStart, var rowTargets, var rowScores) = applicants.AddToRows(rowStart, targets.Items, scores.Items);
        targets = default;
        scores = default;
        var (inStart, inSource, inScore) = Reverse(n, rowStart, rowTargets, rowScores);
        rowTargets = null;
        rowScores = null;
        var (outStart, outTarget, outScore) = Reverse(n, inStart, inSource, inScore);
        return new(all, indexByListing, acceptedCounts, (outStart, outTarget, outScore), (inStart, inSource, inScore));
    }

    /// <summary>
    /// For each dwelling, the <see cref="MaxEdgesPerListing"/> households it suits best (highest score, then lowest listing
    /// id), kept in one bounded heap per dwelling whose root is the weakest kept, while the rows are collected.
    /// </summary>
    private sealed class BestApplicants(ExchangeCandidate[] all)
    {
        private readonly int[] listingIds = [.. all.Select(c => c.ListingId)];
        private readonly int[] movers = new int[all.Length * MaxEdgesPerListing];
        private readonly byte[] moverScores = new byte[all.Length * MaxEdgesPerListing];
        private readonly int[] sizes = new int[all.Length];

        // The score of each full heap's weakest applicant (−1 until full): most offers are turned away on this small array
        // alone, without reading the heap.
        private readonly short[] leastKept = [.. Enumerable.Repeat((short)-1, all.Length)];

        /// <summary>Offers <paramref name="mover"/>'s whole row, before it is cut to its best.</summary>
        public void Offer(int mover, ReadOnlySpan<int> targets, ReadOnlySpan<byte> scores)
        {
            for (var i = 0; i < targets.Length; i++)
            {
                var dwelling = targets[i];
                if (scores[i] < leastKept[dwelling])
                {
                    continue;
                }

                var heap = dwelling * MaxEdgesPerListing;
                var size = sizes[dwelling];
                if (size < MaxEdgesPerListing)
                {
                    movers[heap + size] = mover;
                    moverScores[heap + size] = scores[i];
                    sizes[dwelling] = ++size;
                    SiftUp(heap, size - 1);
                    if (size == MaxEdgesPerListing)
                    {
                        leastKept[dwelling] = moverScores[heap];
                    }
                }
                else if (Weaker(moverScores[heap], movers[heap], scores[i], mover))
                {
                    movers[heap] = mover;
                    moverScores[heap] = scores[i];
                    SiftDown(heap);
                    leastKept[dwelling] = moverScores[heap];
                }
            }
        }

        /// <summary>
        /// The rows with, added to each mover's, the edges to the dwellings of which it is a best applicant and that its own
        /// best did not keep (each row is sorted by target on the way, to find them).
        /// </summary>
        public (int[] Start, int[] Targets, byte[] Scores) AddToRows(int[] rowStart, int[] targets, byte[] scores)
        {
            var n = all.Length;
            for (var a = 0; a < n; a++)
            {
                targets.AsSpan(rowStart[a], rowStart[a + 1] - rowStart[a]).Sort(scores.AsSpan(rowStart[a], rowStart[a + 1] - rowStart[a]));
            }

            // Which of the heaps' edges the rows lack, marked once for the count and the copy below.
            var missing = new bool[movers.Length];
            var added = new int[n + 1];
            for (var b = 0; b < n; b++)
            {
                for (var k = 0; k < sizes[b]; k++)
                {
                    var slot = (b * MaxEdgesPerListing) + k;
                    var a = movers[slot];
                    if (targets.AsSpan(rowStart[a], rowStart[a + 1] - rowStart[a]).BinarySearch(b) < 0)
                    {
                        missing[slot] = true;
                        added[a + 1]++;
                    }
                }
            }

            var start = new int[n + 1];
            for (var a = 0; a < n; a++)
            {
                start[a + 1] = start[a] + (rowStart[a + 1] - rowStart[a]) + added[a + 1];
            }

            var allTargets = new int[start[n]];
            var allScores = new byte[start[n]];
            var fill = new int[n];
            for (var a = 0; a < n; a++)
            {
                var length = rowStart[a + 1] - rowStart[a];
                targets.AsSpan(rowStart[a], length).CopyTo(allTargets.AsSpan(start[a]));
                scores.AsSpan(rowStart[a], length).CopyTo(allScores.AsSpan(start[a]));
                fill[a] = start[a] + length;
            }

            for (var b = 0; b < n; b++)
            {
                for (var k = 0; k < sizes[b]; k++)
                {
                    var slot = (b * MaxEdgesPerListing) + k;
                    if (missing[slot])
                    {
                        var a = movers[slot];
                        allTargets[fill[a]] = b;
                        allScores[fill[a]++] = moverScores[slot];
                    }
                }
            }

            return (start, allTargets, allScores);
        }

        /// <summary>Whether the first applicant ranks below the second: a lower score, or the same and a higher listing id.</summary>
        private bool Weaker(byte score, int mover, byte otherScore, int other) =>
            score != otherScore ? score < otherScore : listingIds[mover] > listingIds[other];

        private bool Weaker(int heap, int i, int j) => Weaker(moverScores[heap + i], movers[heap + i], moverScores[heap + j], movers[heap + j]);

        private void SiftUp(int heap, int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Weaker(heap, i, parent))
                {
                    return;
                }

                Swap(heap, i, parent);
                i = parent;
            }
        }

        private void SiftDown(int heap)
        {
            var i = 0;
            while (true)
            {
                var left = (2 * i) + 1;
                if (left >= MaxEdgesPerListing)
                {
                    return;
                }

                var weakest = left + 1 < MaxEdgesPerListing && Weaker(heap, left + 1, left) ? left + 1 : left;
                if (!Weaker(heap, weakest, i))
                {
                    return;
                }

                Swap(heap, i, weakest);
                i = weakest;
            }
        }

        private void Swap(int heap, int i, int j)
        {
            (movers[heap + i], movers[heap + j]) = (movers[heap + j], movers[heap + i]);
            (moverScores[heap + i], moverScores[heap + j]) = (moverScores[heap + j], moverScores[heap + i]);
        }
    }

    /// <summary>The index of a listing (its position in the list given to <see cref="Build"/>).</summary>
    /// <exception cref="KeyNotFoundException">The listing is not in the graph.</exception>
    public int IndexOf(int listingId) =>
        indexByListing.TryGetValue(listingId, out var index) ? index : throw new KeyNotFoundException($"Listing {listingId} is not in the graph.");

    public bool TryGetIndex(int listingId, out int index) => indexByListing.TryGetValue(listingId, out index);

    /// <summary>The listing with this id.</summary>
    /// <exception cref="KeyNotFoundException">The listing is not in the graph.</exception>
    public ExchangeCandidate Candidate(int listingId) => candidates[IndexOf(listingId)];

    /// <summary>
    /// Explains to <paramref name="moverListingId"/>'s tenant the leg into <paramref name="homeListingId"/>'s dwelling
    /// (<see cref="ExchangeCriteria.Explain"/>), whether or not the graph has that edge.
    /// </summary>
    /// <param name="ownerLabel">How the page names the household offering the dwelling (« Locataire B »).</param>
    /// <param name="communeName">The name of a commune from its INSEE code; the code itself when null.</param>
    public ExchangeLegExplanation ExplainLeg(int moverListingId, int homeListingId, string ownerLabel, Func<string, string>? communeName = null) =>
        ExchangeCriteria.Explain(Candidate(moverListingId).Wanted, Candidate(homeListingId).Offered, ownerLabel, communeName);

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

    /// <summary>
    /// How many dwellings <paramref name="listingId"/>'s household accepts, all of them: <see cref="AcceptedBy"/> lists only
    /// those the graph keeps (its <see cref="MaxEdgesPerListing"/> best and those whose dwelling it is among the best-suited
    /// for), which on a large territory are a small part.
    /// </summary>
    public int AcceptedCount(int listingId) => acceptedCounts[IndexOf(listingId)];

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
    public IReadOnlyList<ExchangeCycle> CyclesOf(int listingId) => CyclesOf(listingId, int.MaxValue);

    /// <summary>
    /// The first <paramref name="count"/> of <see cref="CyclesOf(int)"/>, in the same order. Only those are built: the
    /// others are ranked as they are found and dropped (a listing that many households accept takes part in thousands).
    /// </summary>
    /// <remarks>
    /// A cycle through v is v → a → v, or v → a → b → v. Every cycle is found from v's own rows and those of its
    /// successors a: b is in both a's successors and v's predecessors, both sorted, so each a costs the shorter list's
    /// length times a binary search in the longer; the closing leg's score is read from v's predecessor row, never from b's
    /// own row, which on a large graph is one memory miss per candidate.
    /// </remarks>
    public IReadOnlyList<ExchangeCycle> CyclesOf(int listingId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var v = IndexOf(listingId);
        var best = new BestCycles(count);
        var next = Successors(v);
        var nextScores = SuccessorScores(v);
        var previous = Predecessors(v);
        var previousScores = PredecessorScores(v);
        for (var i = 0; i < next.Length; i++)
        {
            var a = next[i];
            var back = previous.BinarySearch(a);
            if (back >= 0)
            {
                best.Offer(new(candidates[a].ListingId, -1, nextScores[i], previousScores[back], 0));
            }

            // The third household b: one a accepts (a's row) that accepts v (v's predecessors). Each member of the shorter
            // list is looked for in the rest of the longer one, both being ascending.
            var then = Successors(a);
            var thenScores = SuccessorScores(a);
            var shorterIsThen = then.Length <= previous.Length;
            var shorter = shorterIsThen ? then : previous;
            var longer = shorterIsThen ? previous : then;
            var from = 0;
            for (var j = 0; j < shorter.Length && from < longer.Length; j++)
            {
                var found = longer[from..].BinarySearch(shorter[j]);
                if (found < 0)
                {
                    from += ~found;
                    continue;
                }

                var k = from + found;
                from = k + 1;
                var (inThen, inPrevious) = shorterIsThen ? (j, k) : (k, j);
                var b = then[inThen];
                if (b != v && b != a)
                {
                    best.Offer(new(candidates[a].ListingId, candidates[b].ListingId, nextScores[i], thenScores[inThen], previousScores[inPrevious]));
                }
            }
        }

        return best.Ranked(listingId);
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

    /// <summary>
    /// Cuts the row that starts at <paramref name="rowStart"/> (the last one collected) down to its
    /// <see cref="MaxEdgesPerListing"/> best edges: the highest scores, and among equal scores the lowest listing ids, as
    /// <see cref="AcceptedBy"/> ranks them. The edges kept stay in their collected order.
    /// </summary>
    private static void KeepBest(ExchangeCandidate[] all, int rowStart, ref GrowableArray<int> targets, ref GrowableArray<byte> scores, List<int> ties)
    {
        var length = targets.Count - rowStart;
        if (length <= MaxEdgesPerListing)
        {
            return;
        }

        var rowTargets = targets.Items.AsSpan(rowStart, length);
        var rowScores = scores.Items.AsSpan(rowStart, length);

        // The lowest score kept: counting down from 255 until the row's best reach the bound.
        Span<int> countByScore = stackalloc int[256];
        countByScore.Clear();
        foreach (var score in rowScores)
        {
            countByScore[score]++;
        }

        var threshold = 255;
        var above = 0;
        while (above + countByScore[threshold] < MaxEdgesPerListing)
        {
            above += countByScore[threshold];
            threshold--;
        }

        // Of the dwellings at the threshold, those of the lowest listing ids fill the places left.
        ties.Clear();
        for (var i = 0; i < length; i++)
        {
            if (rowScores[i] == threshold)
            {
                ties.Add(all[rowTargets[i]].ListingId);
            }
        }

        ties.Sort();
        var lastTieKept = ties[MaxEdgesPerListing - above - 1];
        var kept = 0;
        for (var i = 0; i < length; i++)
        {
            if (rowScores[i] > threshold || (rowScores[i] == threshold && all[rowTargets[i]].ListingId <= lastTieKept))
            {
                rowTargets[kept] = rowTargets[i];
                rowScores[kept] = rowScores[i];
                kept++;
            }
        }

        targets.Truncate(rowStart + kept);
        scores.Truncate(rowStart + kept);
    }

    /// <summary>The first position in a sorted span whose value is above <paramref name="value"/>.</summary>
    private static int Above(ReadOnlySpan<int> sorted, int value)
    {
        var position = sorted.BinarySearch(value);
        return position >= 0 ? position + 1 : ~position;
    }

    /// <summary>
    /// The reverse of compressed rows: the edges grouped by their other end, each group in ascending order of the rows
    /// (a counting pass, in linear time). Only the first <c>start[n]</c> edges of the arrays are read.
    /// </summary>
    private static (int[] Start, int[] Other, byte[] Score) Reverse(int n, int[] start, int[] other, byte[] score)
    {
        var edges = start[n];
        var reversedStart = new int[n + 1];
        for (var e = 0; e < edges; e++)
        {
            reversedStart[other[e] + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            reversedStart[i + 1] += reversedStart[i];
        }

        var fill = reversedStart[..n];
        var reversedOther = new int[edges];
        var reversedScore = new byte[edges];
        for (var row = 0; row < n; row++)
        {
            for (var e = start[row]; e < start[row + 1]; e++)
            {
                var slot = fill[other[e]]++;
                reversedOther[slot] = row;
                reversedScore[slot] = score[e];
            }
        }

        return (reversedStart, reversedOther, reversedScore);
    }

    /// <summary>A cycle through the listing asked, before it is built: the other one or two listings and the leg scores.</summary>
    private readonly record struct FoundCycle(int Second, int Third, byte FirstLeg, byte SecondLeg, byte ThirdLeg)
    {
        public int Length => Third < 0 ? 2 : 3;

        public int Total => FirstLeg + SecondLeg + ThirdLeg;

        public int Weakest => Third < 0 ? Math.Min(FirstLeg, SecondLeg) : Math.Min(FirstLeg, Math.Min(SecondLeg, ThirdLeg));

        /// <summary><see cref="ExchangeCycle.CompareByRank"/> for two cycles listed from the same listing.</summary>
        public static int CompareByRank(FoundCycle x, FoundCycle y)
        {
            var byMean = ((long)y.Total * x.Length).CompareTo((long)x.Total * y.Length);
            if (byMean != 0)
            {
                return byMean;
            }

            var byWeakest = y.Weakest.CompareTo(x.Weakest);
            if (byWeakest != 0)
            {
                return byWeakest;
            }

            var byLength = x.Length.CompareTo(y.Length);
            if (byLength != 0)
            {
                return byLength;
            }

            var byIds = x.Second != y.Second ? x.Second.CompareTo(y.Second) : x.Third.CompareTo(y.Third);
            if (byIds != 0)
            {
                return byIds;
            }

            var byScores = x.FirstLeg != y.FirstLeg ? x.FirstLeg.CompareTo(y.FirstLeg) : x.SecondLeg.CompareTo(y.SecondLeg);
            return byScores != 0 ? byScores : x.ThirdLeg.CompareTo(y.ThirdLeg);
        }

        public ExchangeCycle ToCycle(int first) =>
            Third < 0 ? new([first, Second], [FirstLeg, SecondLeg]) : new([first, Second, Third], [FirstLeg, SecondLeg, ThirdLeg]);
    }

    /// <summary>The best cycles offered, at most a given number: a heap whose root is the weakest kept.</summary>
    private sealed class BestCycles(int capacity)
    {
        private readonly List<FoundCycle> heap = [];

        public void Offer(FoundCycle cycle)
        {
            if (heap.Count < capacity)
            {
                heap.Add(cycle);
                var i = heap.Count - 1;
                while (i > 0 && FoundCycle.CompareByRank(heap[(i - 1) / 2], heap[i]) < 0)
                {
                    (heap[i], heap[(i - 1) / 2]) = (heap[(i - 1) / 2], heap[i]);
                    i = (i - 1) / 2;
                }
            }
            else if (capacity > 0 && FoundCycle.CompareByRank(cycle, heap[0]) < 0)
            {
                heap[0] = cycle;
                var i = 0;
                while (true)
                {
                    var weakest = i;
                    foreach (var child in (ReadOnlySpan<int>)[(2 * i) + 1, (2 * i) + 2])
                    {
                        if (child < heap.Count && FoundCycle.CompareByRank(heap[child], heap[weakest]) > 0)
                        {
                            weakest = child;
                        }
                    }

                    if (weakest == i)
                    {
                        break;
                    }

                    (heap[i], heap[weakest]) = (heap[weakest], heap[i]);
                    i = weakest;
                }
            }
        }

        public List<ExchangeCycle> Ranked(int first)
        {
            heap.Sort(FoundCycle.CompareByRank);
            return heap.ConvertAll(c => c.ToCycle(first));
        }
    }

    /// <summary>
    /// The offered dwellings bucketed by commune × typology, each bucket in two layouts: sorted by rent ascending, for the
    /// wishes without a minimum surface (they read only the dwellings within their maximum rent); and sorted by surface
    /// descending, cut into blocks of <see cref="BlockSize"/> dwellings each sorted by rent, for the others (they visit the
    /// blocks down to their minimum surface and, in each, only the dwellings within their maximum rent). Either way a wish
    /// reads little more than what it accepts.
    /// </summary>
    /// <remarks>
    /// Rents and surfaces are compared by rank among the distinct values offered (exact, whatever their decimals): a rent is
    /// at most the maximum exactly when its rank is at most the rank of the largest offered rent not above the maximum, and
    /// likewise for surfaces; each wish looks its limits up once.
    /// </remarks>
    private sealed class DwellingIndex
    {
        private const int BlockSize = 64;

        private readonly ExchangeCandidate[] candidates;
        private readonly Dictionary<string, int> communes = new(StringComparer.Ordinal);
        private readonly int[][] bucketsByTypology;
        private readonly decimal[] distinctRents;
        private readonly decimal[] distinctSurfaces;

        // Rent layout: bucket b holds the positions bucketStart[b] to bucketStart[b + 1] − 1 of byRent (listing indices),
        // with their rent ranks, ascending, in byRentRanks.
        private readonly int[] bucketStart;
        private readonly int[] byRent;
        private readonly int[] byRentRanks;

        // Block layout: bucket b holds blocks blockOfBucket[b] to blockOfBucket[b + 1] − 1; block k holds the positions
        // blockStart[k] to blockStart[k + 1] − 1 of blocked, sorted by rent rank (blockedRentRanks) within the block.
        private readonly int[] blockOfBucket;
        private readonly int[] blockStart;
        private readonly int[] blockLeastSurface;
        private readonly int[] blockMostSurface;
        private readonly int[] blocked;
        private readonly int[] blockedRentRanks;

        // The facts the scan reads, by listing index (contiguous, no indirection through the records).
        private readonly int[] surfaceRank;
        private readonly double[] rentAsDouble;
        private readonly double[] surfaceAsDouble;
        private readonly int[] floor;
        private readonly Accessibility[] accessibility;
        private readonly ExchangeFeatures[] features;

        public DwellingIndex(ExchangeCandidate[] candidates)
        {
            this.candidates = candidates;
            var n = candidates.Length;
            var dwellings = Array.ConvertAll(candidates, c => c.Offered);
            var rent = Array.ConvertAll(dwellings, d => d.RentWithCharges);
            var surface = Array.ConvertAll(dwellings, d => d.Surface);
            (distinctRents, var rentRank) = Ranks(rent);
            (distinctSurfaces, surfaceRank) = Ranks(surface);
            rentAsDouble = Array.ConvertAll(rent, r => (double)r);
            surfaceAsDouble = Array.ConvertAll(surface, a => (double)a);
            floor = Array.ConvertAll(dwellings, d => d.Floor);
            accessibility = Array.ConvertAll(dwellings, d => d.Accessibility);
            features = Array.ConvertAll(dwellings, d => d.Features);
            var bucketOf = new int[n];
            for (var i = 0; i < n; i++)
            {
                if (!communes.TryGetValue(dwellings[i].CommuneInseeCode, out var commune))
                {
                    commune = communes.Count;
                    communes.Add(dwellings[i].CommuneInseeCode, commune);
                }

                bucketOf[i] = (commune * TypologyCount) + ((int)dwellings[i].Typology - 1);
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
            byRent = new int[n];
            for (var i = 0; i < n; i++)
            {
                byRent[fill[bucketOf[i]]++] = i;
            }

            // Ties keep any (deterministic) order: the rows of the graph are sorted by index afterwards.
            blocked = (int[])byRent.Clone();
            byRentRanks = Array.ConvertAll(byRent, i => rentRank[i]);
            var largestFirst = Array.ConvertAll(blocked, i => -surfaceRank[i]);
            blockOfBucket = new int[buckets + 1];
            var starts = new List<int>();
            for (var b = 0; b < buckets; b++)
            {
                Array.Sort(byRentRanks, byRent, bucketStart[b], bucketStart[b + 1] - bucketStart[b]);
                Array.Sort(largestFirst, blocked, bucketStart[b], bucketStart[b + 1] - bucketStart[b]);
                blockOfBucket[b] = starts.Count;
                for (var first = bucketStart[b]; first < bucketStart[b + 1]; first += BlockSize)
                {
                    starts.Add(first);
                }
            }

            blockOfBucket[buckets] = starts.Count;
            starts.Add(n);
            blockStart = [.. starts];
            var blocks = blockStart.Length - 1;
            blockLeastSurface = new int[blocks];
            blockMostSurface = new int[blocks];
            blockedRentRanks = Array.ConvertAll(blocked, i => rentRank[i]);
            for (var k = 0; k < blocks; k++)
            {
                blockMostSurface[k] = surfaceRank[blocked[blockStart[k]]];
                blockLeastSurface[k] = surfaceRank[blocked[blockStart[k + 1] - 1]];
                Array.Sort(blockedRentRanks, blocked, blockStart[k], blockStart[k + 1] - blockStart[k]);
            }

            bucketsByTypology = new int[TypologyCount][];
            for (var t = 0; t < TypologyCount; t++)
            {
                bucketsByTypology[t] = [.. Enumerable.Range(0, communes.Count)
                    .Select(c => (c * TypologyCount) + t)
                    .Where(b => bucketStart[b + 1] > bucketStart[b])];
            }
        }

        /// <summary>The distinct values, ascending, and the rank of each value among them.</summary>
        private static (decimal[] Distinct, int[] Rank) Ranks(decimal[] values)
        {
            var distinct = values.Distinct().ToArray();
            Array.Sort(distinct);
            var rank = Array.ConvertAll(values, v => Array.BinarySearch(distinct, v));
            return (distinct, rank);
        }

        /// <summary>Adds the edges out of <paramref name="source"/> (in bucket order, unsorted).</summary>
        public void Collect(int source, ref GrowableArray<int> targets, ref GrowableArray<byte> scores)
        {
            var wanted = candidates[source].Wanted;
            var wish = new WishLimits(wanted, distinctRents, distinctSurfaces);
            if (wish.Impossible)
            {
                return;
            }

            if (wanted.CommuneInseeCodes.Count == 0)
            {
                for (var t = 0; t < TypologyCount; t++)
                {
                    if ((wish.Typologies & (1 << t)) != 0)
                    {
                        foreach (var bucket in bucketsByTypology[t])
                        {
                            Scan(source, in wish, bucket, ref targets, ref scores);
                        }
                    }
                }

                return;
            }

            foreach (var code in wanted.CommuneInseeCodes)
            {
                if (!communes.TryGetValue(code, out var commune))
                {
                    continue;
                }

                for (var t = 0; t < TypologyCount; t++)
                {
                    if ((wish.Typologies & (1 << t)) != 0)
                    {
                        Scan(source, in wish, (commune * TypologyCount) + t, ref targets, ref scores);
                    }
                }
            }
        }

        /// <summary>
        /// Adds the dwellings of a bucket that the wish accepts, checking the rules exactly as
        /// <see cref="ExchangeCriteria.AcceptsBeyondPlace"/> does.
        /// </summary>
        private void Scan(int source, in WishLimits wish, int bucket, ref GrowableArray<int> targets, ref GrowableArray<byte> scores)
        {
            var start = bucketStart[bucket];
            var end = bucketStart[bucket + 1];
            if (start == end)
            {
                return;
            }

            end = start + AtMost(byRentRanks.AsSpan(start, end - start), wish.MaxRentRank);
            var firstBlock = blockOfBucket[bucket];
            var lastBlock = firstBlock + AtLeast(blockMostSurface.AsSpan(firstBlock, blockOfBucket[bucket + 1] - firstBlock), wish.MinSurfaceRank);

            // The dwellings within the rent in one run, or the blocks down to the surface (a block costs a few checks).
            if (end - start <= 8 * (lastBlock - firstBlock))
            {
                Check(source, in wish, byRent.AsSpan(start, end - start), wish.MinSurfaceRank > 0, ref targets, ref scores);
                return;
            }

            for (var block = firstBlock; block < lastBlock; block++)
            {
                start = blockStart[block];
                end = start + AtMost(blockedRentRanks.AsSpan(start, blockStart[block + 1] - start), wish.MaxRentRank);
                Check(source, in wish, blocked.AsSpan(start, end - start), blockLeastSurface[block] < wish.MinSurfaceRank, ref targets, ref scores);
            }
        }

        /// <summary>Checks dwellings already within the maximum rent against the other rules.</summary>
        private void Check(int source, in WishLimits wish, ReadOnlySpan<int> within, bool checkSurface, ref GrowableArray<int> targets, ref GrowableArray<byte> scores)
        {
            foreach (var target in within)
            {
                var has = features[target];
                if (target == source
                    || (has & wish.MustHaves) != wish.MustHaves
                    || accessibility[target] < wish.Required
                    || (floor[target] > wish.MaxFloor && (has & ExchangeFeatures.Lift) == 0)
                    || (checkSurface && surfaceRank[target] < wish.MinSurfaceRank))
                {
                    continue;
                }

                targets.Add(target);
                scores.Add((byte)ExchangeCriteria.ScoreAccepted(wish.MaxRent, rentAsDouble[target], wish.MinSurface, surfaceAsDouble[target], has));
            }
        }

        /// <summary>The number of leading values at most <paramref name="max"/> in an ascending span.</summary>
        private static int AtMost(ReadOnlySpan<int> ascending, int max)
        {
            if (ascending.Length == 0 || ascending[^1] <= max)
            {
                return ascending.Length;
            }

            int low = 0, high = ascending.Length - 1;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (ascending[middle] <= max)
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

        /// <summary>The number of leading values at least <paramref name="min"/> in a descending span.</summary>
        private static int AtLeast(ReadOnlySpan<int> descending, int min)
        {
            if (descending.Length == 0 || descending[^1] >= min)
            {
                return descending.Length;
            }

            int low = 0, high = descending.Length - 1;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (descending[middle] >= min)
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

    /// <summary>A wish's limits, read once per listing; rent and surface as ranks among the distinct values offered.</summary>
    private readonly struct WishLimits
    {
        public WishLimits(ExchangeWish wish, decimal[] distinctRents, decimal[] distinctSurfaces)
        {
            Typologies = wish.Typologies == TypologySet.None ? (1 << TypologyCount) - 1 : (int)wish.Typologies & ((1 << TypologyCount) - 1);
            MaxRent = wish.MaxRentWithCharges is { } max ? (double)max : null;
            MinSurface = wish.MinSurface is { } min ? (double)min : null;

            // The rank of the largest rent not above the maximum (−1: none), of the smallest surface not below the minimum.
            MaxRentRank = wish.MaxRentWithCharges is { } limit ? UpperBound(distinctRents, limit) - 1 : int.MaxValue;
            MinSurfaceRank = wish.MinSurface is { } least ? LowerBound(distinctSurfaces, least) : 0;
            Impossible = MaxRentRank < 0 || MinSurfaceRank >= distinctSurfaces.Length;
            MaxFloor = wish.MaxFloorWithoutLift ?? int.MaxValue;
            Required = wish.RequiredAccessibility;
            MustHaves = wish.MustHaves;
        }

        public int Typologies { get; }

        public double? MaxRent { get; }

        public double? MinSurface { get; }

        public int MaxRentRank { get; }

        public int MinSurfaceRank { get; }

        /// <summary>No offered rent is within the maximum, or no offered surface reaches the minimum.</summary>
        public bool Impossible { get; }

        public int MaxFloor { get; }

        public Accessibility Required { get; }

        public ExchangeFeatures MustHaves { get; }

        /// <summary>The number of values at most <paramref name="value"/> in an ascending array.</summary>
        private static int UpperBound(decimal[] ascending, decimal value)
        {
            int low = 0, high = ascending.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (ascending[middle] <= value)
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

        /// <summary>The number of values below <paramref name="value"/> in an ascending array.</summary>
        private static int LowerBound(decimal[] ascending, decimal value)
        {
            int low = 0, high = ascending.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (ascending[middle] < value)
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

    /// <summary>Forgets the items from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = Math.Clamp(count, 0, Count);

    public readonly T[] ToArray() => Items.AsSpan(0, Count).ToArray();

    private void Grow(int needed)
    {
        var size = Math.Max(needed, (int)Math.Min(Array.MaxLength, (long)Items.Length * 2));
        var bigger = new T[size];
        Items.AsSpan(0, Count).CopyTo(bigger);
        Items = bigger;
    }
}
