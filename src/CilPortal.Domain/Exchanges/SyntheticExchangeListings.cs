using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Exchanges;

/// <summary>A commune of the synthetic territory (Métropole de Lyon, Lyon by arrondissement).</summary>
/// <param name="Weight">Its relative share of the social dwellings offered.</param>
/// <param name="RentFactor">How its rents compare with the territory's (1 = average).</param>
/// <param name="QpvShare">The share of its social dwellings standing in a QPV.</param>
public sealed record SyntheticCommune(string InseeCode, string Name, int Weight, decimal RentFactor, double QpvShare);

/// <summary>
/// Realistic synthetic exchange listings for benchmarks and load tests: deterministic for a seed (same seed, same listings).
/// </summary>
/// <remarks>
/// Dwellings: commune by weight, typology T1 8 % · T2 22 % · T3 36 % · T4 24 % · T5 8 % · T6 2 %, surface around 30 to 110 m²
/// by typology (± 15 %), rent by financing (PLAI, PLUS, PLS €/m²) × the commune's factor plus 1.60 to 3.00 €/m² of charges,
/// floors by building height with a lift in most buildings of five floors or more, a few adaptable or wheelchair-adapted
/// dwellings, outdoor space, parking and individual heating for part of them.
/// <para>Wishes follow a move reason (a bigger dwelling 40 %, a smaller one 20 %, the same size elsewhere 25 %, flexible
/// 15 %, any size 5 %), the household's commune and up to three others by weight (6 % any commune), a few floor,
/// accessibility and feature requirements, and, for most households that want more room, their current surface plus up to
/// 10 m² as a minimum. Each wish is then calibrated to accept about <c>acceptableDwellings</c> × a log-normal spread (σ = 0.6,
/// mean 1) of the dwellings offered: communes are added (then any commune) while fewer than twice that number meet its other
/// rules; half the wishes without a minimum surface get one that leaves a random share of them; the rent of the k-th
/// cheapest remaining dwelling, rounded up to the euro, becomes the maximum rent.</para>
/// </remarks>
public static class SyntheticExchangeListings
{
    /// <summary>The communes of the synthetic territory with their weights.</summary>
    public static IReadOnlyList<SyntheticCommune> Communes { get; } =
    [
        new("69381", "Lyon 1er", 2, 1.15m, 0),
        new("69382", "Lyon 2e", 2, 1.18m, 0),
        new("69383", "Lyon 3e", 6, 1.12m, 0.02),
        new("69384", "Lyon 4e", 2, 1.12m, 0),
        new("69385", "Lyon 5e", 5, 1.08m, 0.15),
        new("69386", "Lyon 6e", 2, 1.2m, 0),
        new("69387", "Lyon 7e", 6, 1.1m, 0.05),
        new("69388", "Lyon 8e", 12, 1.02m, 0.35),
        new("69389", "Lyon 9e", 10, 1.02m, 0.35),
        new("69266", "Villeurbanne", 12, 1.05m, 0.15),
        new("69259", "Vénissieux", 12, 0.95m, 0.55),
        new("69256", "Vaulx-en-Velin", 12, 0.95m, 0.6),
        new("69290", "Saint-Priest", 6, 0.97m, 0.25),
        new("69029", "Bron", 6, 0.98m, 0.3),
        new("69286", "Rillieux-la-Pape", 6, 0.95m, 0.45),
        new("69034", "Caluire-et-Cuire", 3, 1.05m, 0.05),
        new("69149", "Oullins-Pierre-Bénite", 4, 1m, 0.1),
        new("69091", "Givors", 5, 0.92m, 0.4),
        new("69199", "Saint-Fons", 4, 0.93m, 0.5),
        new("69282", "Meyzieu", 3, 0.98m, 0.1),
        new("69275", "Décines-Charpieu", 3, 0.98m, 0.1),
        new("69204", "Saint-Genis-Laval", 3, 1m, 0.05),
        new("69244", "Tassin-la-Demi-Lune", 1, 1.08m, 0),
        new("69202", "Sainte-Foy-lès-Lyon", 2, 1.08m, 0.05),
        new("69081", "Écully", 2, 1.08m, 0),
        new("69089", "Francheville", 1, 1.04m, 0),
        new("69283", "Mions", 1, 0.97m, 0),
        new("69271", "Chassieu", 1, 0.98m, 0),
        new("69273", "Corbas", 2, 0.96m, 0),
        new("69276", "Feyzin", 2, 0.95m, 0.1),
        new("69100", "Irigny", 1, 0.98m, 0),
        new("69143", "Neuville-sur-Saône", 2, 0.96m, 0.1),
        new("69142", "La Mulatière", 1, 1m, 0),
        new("69088", "Fontaines-sur-Saône", 1, 1m, 0),
        new("69069", "Craponne", 1, 1.02m, 0),
        new("69096", "Grigny", 1, 0.94m, 0),
        new("69072", "Dardilly", 1, 1.04m, 0),
    ];

    private static readonly Dictionary<string, string> Names = Communes.ToDictionary(c => c.InseeCode, c => c.Name, StringComparer.Ordinal);

    private static readonly decimal[] BaseSurface = [0, 30, 47, 65, 80, 95, 110];

    private static readonly int[] TypologyWeights = [0, 8, 22, 36, 24, 8, 2];

    /// <summary>The name of a synthetic commune (the code itself when unknown), for <see cref="ExchangeCriteria.Explain"/>.</summary>
    public static string CommuneName(string inseeCode) => Names.GetValueOrDefault(inseeCode, inseeCode);

    /// <summary>Generates <paramref name="count"/> listings with ids 1 to <paramref name="count"/>.</summary>
    /// <param name="seed">The seed of the random generator: the same seed gives the same listings.</param>
    /// <param name="acceptableDwellings">How many of the offered dwellings a wish accepts on average (12, 50…).</param>
    /// <param name="bailleurs">Bailleur ids 1 to this, by decreasing size.</param>
    public static List<ExchangeCandidate> Generate(int count, int seed, double acceptableDwellings = 12, int bailleurs = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(acceptableDwellings, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bailleurs, 1);
        var random = new Random(seed);
        var dwellings = new ExchangeDwelling[count];
        var bailleurOf = new int[count];
        for (var i = 0; i < count; i++)
        {
            dwellings[i] = Dwelling(random);
            bailleurOf[i] = 1 + Math.Min(bailleurs - 1, (int)(-Math.Log(1 - random.NextDouble()) * bailleurs / 3));
        }

        var pool = new Pool(dwellings);
        var listings = new List<ExchangeCandidate>(count);
        for (var i = 0; i < count; i++)
        {
            var wish = Wish(random, dwellings[i]);
            wish = Calibrate(random, pool, i, wish, Spread(random, acceptableDwellings));
            listings.Add(new(i + 1, bailleurOf[i], dwellings[i], wish));
        }

        return listings;
    }

    private static int Spread(Random random, double mean)
    {
        // Log-normal with σ = 0.6 and mean 1 (μ = −σ²/2), by Box–Muller.
        const double Sigma = 0.6;
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(1, (int)Math.Round(mean * Math.Exp((Sigma * normal) - (Sigma * Sigma / 2))));
    }

    private static ExchangeDwelling Dwelling(Random random)
    {
        var commune = Communes[RandomCommune(random)];
        var typology = (Typology)Weighted(random, TypologyCumulative);
        var surface = Math.Round(BaseSurface[(int)typology] * (0.85m + (0.30m * (decimal)random.NextDouble())) * 2, MidpointRounding.AwayFromZero) / 2;
        var financing = random.Next(100);
        var perSquareMetre = financing < 25 ? 5.6m : financing < 85 ? 6.5m : 9.5m;
        perSquareMetre *= commune.RentFactor * (0.9m + (0.2m * (decimal)random.NextDouble()));
        var charges = 1.6m + (1.4m * (decimal)random.NextDouble());
        var rent = Math.Round(surface * (perSquareMetre + charges), 2, MidpointRounding.AwayFromZero);
        var inQpv = random.NextDouble() < commune.QpvShare;
        var height = inQpv ? random.Next(3, 16) : random.Next(1, 9);
        var floor = random.Next(0, height + 1);
        var lift = random.NextDouble() < (height >= 5 ? 0.95 : height >= 3 ? 0.4 : 0.05);
        var reachable = floor == 0 || lift;
        var access = random.Next(100);
        var accessibility = reachable
            ? access < 6 ? Accessibility.WheelchairAdapted : access < 30 ? Accessibility.Adaptable : Accessibility.None
            : access < 3 ? Accessibility.Adaptable : Accessibility.None;
        var features = ExchangeFeatures.None;
        features |= random.NextDouble() < 0.55 ? ExchangeFeatures.OutdoorSpace : 0;
        features |= random.NextDouble() < 0.35 ? ExchangeFeatures.Parking : 0;
        features |= lift ? ExchangeFeatures.Lift : 0;
        features |= random.NextDouble() < 0.4 ? ExchangeFeatures.IndividualHeating : 0;
        return new(commune.InseeCode, inQpv, typology, surface, rent, floor, accessibility, features);
    }

    /// <summary>The place, size and requirements of a wish; <see cref="Calibrate"/> sets its rent and surface.</summary>
    private static ExchangeWish Wish(Random random, ExchangeDwelling current)
    {
        var t = (int)current.Typology;
        var reason = random.Next(100);
        var (typologies, bigger) = reason switch
        {
            < 40 => (Set(t + 1) | (random.Next(100) < 30 ? Set(t + 2) : 0), true),
            < 60 => (Set(t - 1) | (random.Next(100) < 25 ? Set(t - 2) : 0), false),
            < 85 => (Set(t), false),
            < 95 => (Set(t - 1) | Set(t) | Set(t + 1), false),
            _ => (TypologySet.None, false),
        };
        if (typologies == TypologySet.None && reason < 95)
        {
            (typologies, bigger) = (Set(t), false);
        }

        var communes = new HashSet<string>(StringComparer.Ordinal);
        if (random.Next(100) >= 6)
        {
            if (random.Next(100) < 70)
            {
                communes.Add(current.CommuneInseeCode);
            }

            var others = random.Next(communes.Count == 0 ? 1 : 0, 4);
            for (var k = 0; k < others; k++)
            {
                communes.Add(Communes[RandomCommune(random)].InseeCode);
            }
        }

        decimal? minSurface = bigger && random.Next(100) < 60 ? Math.Floor(current.Surface + random.Next(0, 11)) : null;
        int? maxFloor = random.Next(100) < 15 ? random.Next(0, 4) : null;
        var need = random.Next(1000);
        var accessibility = need < 10 ? Accessibility.WheelchairAdapted : need < 40 ? Accessibility.Adaptable : Accessibility.None;
        var mustHaves = ExchangeFeatures.None;
        mustHaves |= random.Next(100) < 8 ? ExchangeFeatures.Parking : 0;
        mustHaves |= random.Next(100) < 10 ? ExchangeFeatures.OutdoorSpace : 0;
        mustHaves |= random.Next(100) < 3 ? ExchangeFeatures.Lift : 0;
        mustHaves |= random.Next(100) < 3 ? ExchangeFeatures.IndividualHeating : 0;
        return new(communes, typologies, null, minSurface, maxFloor, accessibility, mustHaves);
    }

    /// <summary>
    /// Sets the surface and rent limits of a wish so that it accepts about <paramref name="target"/> dwellings: more communes
    /// (then any) while fewer than twice the target meet its other rules; a minimum surface (its own, else for half the wishes
    /// one leaving a random number of at least target dwellings); then the rent of the target-th cheapest as the maximum.
    /// </summary>
    private static ExchangeWish Calibrate(Random random, Pool pool, int self, ExchangeWish wish, int target)
    {
        var found = new List<int>();
        var communes = new HashSet<string>(wish.CommuneInseeCodes, StringComparer.Ordinal);
        foreach (var code in communes.Count == 0 ? Communes.Select(c => c.InseeCode) : communes)
        {
            pool.Collect(self, wish, code, found);
        }

        while (communes.Count > 0 && found.Count < 2 * target)
        {
            var code = Communes[RandomCommune(random)].InseeCode;
            for (var attempt = 0; attempt < 8 && communes.Contains(code); attempt++)
            {
                code = Communes[RandomCommune(random)].InseeCode;
            }

            if (communes.Add(code) && communes.Count < Communes.Count)
            {
                pool.Collect(self, wish, code, found);
                continue;
            }

            communes.Clear();
            found.Clear();
            foreach (var commune in Communes)
            {
                pool.Collect(self, wish, commune.InseeCode, found);
            }
        }

        wish = wish with { CommuneInseeCodes = communes };
        if (found.Count <= target)
        {
            return wish with { MinSurface = null };
        }

        var surfaces = found.Select(pool.Surface).ToArray();
        decimal? minSurface = wish.MinSurface;
        var roomy = minSurface is { } own ? surfaces.Count(s => s >= own) : surfaces.Length;
        if (roomy < target)
        {
            minSurface = Math.Floor(Select(surfaces, surfaces.Length - target));
        }
        else if (minSurface is null && random.Next(2) == 0)
        {
            var keep = random.Next(target, surfaces.Length + 1);
            minSurface = Math.Floor(Select(surfaces, surfaces.Length - keep));
        }

        var rents = found.Where(i => minSurface is not { } min || pool.Surface(i) >= min).Select(pool.Rent).ToArray();
        decimal? maxRent = rents.Length > target ? Math.Ceiling(Select(rents, target - 1)) : null;
        return wish with { MinSurface = minSurface, MaxRentWithCharges = maxRent };
    }

    private static int RandomCommune(Random random) => Weighted(random, CommuneCumulative);

    private static readonly int[] CommuneCumulative = Cumulative(Communes.Select(c => c.Weight));

    private static readonly int[] TypologyCumulative = Cumulative(TypologyWeights);

    private static int[] Cumulative(IEnumerable<int> weights)
    {
        var total = 0;
        return [.. weights.Select(w => total += w)];
    }

    /// <summary>An index drawn with the weights whose running totals are <paramref name="cumulative"/>.</summary>
    private static int Weighted(Random random, int[] cumulative)
    {
        var pick = random.Next(cumulative[^1]);
        var position = Array.BinarySearch(cumulative, pick + 1);
        return position >= 0 ? position : ~position;
    }

    private static TypologySet Set(int typology) => typology is >= 1 and <= 6 ? ((Typology)typology).ToSet() : TypologySet.None;

    /// <summary>The k-th smallest value (0-based), by quickselect (reorders the array).</summary>
    private static decimal Select(decimal[] values, int k)
    {
        int low = 0, high = values.Length - 1;
        while (low < high)
        {
            var pivot = values[(low + high) >>> 1];
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                high = j;
            }
            else if (k >= i)
            {
                low = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    /// <summary>The dwellings by commune and typology, to find what a wish accepts without comparing all pairs.</summary>
    private sealed class Pool
    {
        private readonly ExchangeDwelling[] dwellings;
        private readonly Dictionary<string, List<int>[]> buckets = new(StringComparer.Ordinal);

        public Pool(ExchangeDwelling[] dwellings)
        {
            this.dwellings = dwellings;
            foreach (var commune in Communes)
            {
                buckets[commune.InseeCode] = [.. Enumerable.Range(0, 7).Select(_ => new List<int>())];
            }

            for (var i = 0; i < dwellings.Length; i++)
            {
                buckets[dwellings[i].CommuneInseeCode][(int)dwellings[i].Typology].Add(i);
            }
        }

        public decimal Surface(int i) => dwellings[i].Surface;

        public decimal Rent(int i) => dwellings[i].RentWithCharges;

        /// <summary>Adds the dwellings of <paramref name="commune"/> (other than <paramref name="self"/>'s) that the wish accepts, rent and surface aside.</summary>
        public void Collect(int self, ExchangeWish wish, string commune, List<int> found)
        {
            var loose = wish with { CommuneInseeCodes = EmptySet, MaxRentWithCharges = null, MinSurface = null };
            if (!buckets.TryGetValue(commune, out var byTypology))
            {
                return;
            }

            for (var t = 1; t <= 6; t++)
            {
                if (wish.Typologies != TypologySet.None && !wish.Typologies.Includes((Typology)t))
                {
                    continue;
                }

                foreach (var i in byTypology[t])
                {
                    if (i != self && ExchangeCriteria.Accepts(loose, dwellings[i]))
                    {
                        found.Add(i);
                    }
                }
            }
        }

        private static readonly HashSet<string> EmptySet = [];
    }
}
