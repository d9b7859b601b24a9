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
/// 15 %), the household's commune and one to three others by weight (6 % any commune), a budget around the current rent, a
/// minimum surface for most households that want more room, and a few floor, accessibility and feature requirements. Each
/// wish is then calibrated so that it accepts about <c>acceptableDwellings</c> × a log-normal spread (σ = 0.6, mean 1) of the
/// dwellings offered: a wish accepting too many has its maximum rent lowered to the rent of the k-th cheapest dwelling it
/// accepts; a wish accepting too few gets more communes (then any commune) and, failing that, a higher maximum rent.</para>
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
        var commune = Communes[Weighted(random, Communes.Select(c => c.Weight))];
        var typology = (Typology)Weighted(random, TypologyWeights);
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

    private static ExchangeWish Wish(Random random, ExchangeDwelling current)
    {
        var t = (int)current.Typology;
        var reason = random.Next(100);
        var (typologies, steps) = reason switch
        {
            < 40 => (Set(t + 1) | (random.Next(100) < 30 ? Set(t + 2) : 0), 1),
            < 60 => (Set(t - 1) | (random.Next(100) < 25 ? Set(t - 2) : 0), -1),
            < 85 => (Set(t), 0),
            < 95 => (Set(t - 1) | Set(t) | Set(t + 1), 0),
            _ => (TypologySet.None, 0),
        };
        if (typologies == TypologySet.None && reason < 95)
        {
            typologies = Set(t);
            steps = 0;
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
                communes.Add(Communes[Weighted(random, Communes.Select(c => c.Weight))].InseeCode);
            }
        }

        decimal? maxRent = random.Next(100) < 12 ? null
            : Math.Ceiling(current.RentWithCharges * (0.95m + (0.45m * (decimal)random.NextDouble())) * (1 + (0.18m * steps)) / 10) * 10;
        decimal? minSurface = steps > 0 && random.Next(100) < 60 ? Math.Floor(current.Surface + random.Next(0, 11))
            : random.Next(100) < 25 ? Math.Floor(BaseSurface[Math.Clamp(t + steps, 1, 6)] * 0.85m)
            : null;
        int? maxFloor = random.Next(100) < 15 ? random.Next(0, 4) : null;
        var need = random.Next(1000);
        var accessibility = need < 10 ? Accessibility.WheelchairAdapted : need < 40 ? Accessibility.Adaptable : Accessibility.None;
        var mustHaves = ExchangeFeatures.None;
        mustHaves |= random.Next(100) < 8 ? ExchangeFeatures.Parking : 0;
        mustHaves |= random.Next(100) < 10 ? ExchangeFeatures.OutdoorSpace : 0;
        mustHaves |= random.Next(100) < 3 ? ExchangeFeatures.Lift : 0;
        mustHaves |= random.Next(100) < 3 ? ExchangeFeatures.IndividualHeating : 0;
        return new(communes, typologies, maxRent, minSurface, maxFloor, accessibility, mustHaves);
    }

    /// <summary>Tightens or widens a wish until it accepts about <paramref name="target"/> dwellings (see the remarks).</summary>
    private static ExchangeWish Calibrate(Random random, Pool pool, int self, ExchangeWish wish, int target)
    {
        var accepted = pool.Rents(self, wish with { MaxRentWithCharges = null });
        var count = wish.MaxRentWithCharges is { } max ? accepted.Count(r => r <= max) : accepted.Count;
        while (count < target && wish.CommuneInseeCodes.Count > 0)
        {
            var communes = new HashSet<string>(wish.CommuneInseeCodes, StringComparer.Ordinal);
            var added = false;
            for (var attempt = 0; attempt < 8 && !added; attempt++)
            {
                added = communes.Add(Communes[Weighted(random, Communes.Select(c => c.Weight))].InseeCode);
            }

            wish = wish with { CommuneInseeCodes = added && communes.Count < Communes.Count ? communes : new HashSet<string>(StringComparer.Ordinal) };
            accepted = pool.Rents(self, wish with { MaxRentWithCharges = null });
            count = wish.MaxRentWithCharges is { } widened ? accepted.Count(r => r <= widened) : accepted.Count;
        }

        if (accepted.Count == 0 || (count >= target && count <= target * 3 / 2))
        {
            return wish;
        }

        // The k-th cheapest accepted rent becomes the maximum (lowered when too many, raised when too few).
        var k = Math.Min(target, accepted.Count);
        var rents = accepted.ToArray();
        return wish with { MaxRentWithCharges = Select(rents, k - 1) };
    }

    private static TypologySet Set(int typology) => typology is >= 1 and <= 6 ? ((Typology)typology).ToSet() : TypologySet.None;

    private static int Weighted(Random random, IEnumerable<int> weights)
    {
        var list = weights as int[] ?? [.. weights];
        var pick = random.Next(list.Sum());
        for (var i = 0; i < list.Length; i++)
        {
            pick -= list[i];
            if (pick < 0)
            {
                return i;
            }
        }

        return list.Length - 1;
    }

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

    /// <summary>The dwellings by commune and typology, to count what a wish accepts without comparing all pairs.</summary>
    private sealed class Pool(ExchangeDwelling[] dwellings)
    {
        private readonly ILookup<(string Commune, Typology Typology), int> buckets =
            Enumerable.Range(0, dwellings.Length).ToLookup(i => (dwellings[i].CommuneInseeCode, dwellings[i].Typology));

        /// <summary>The rents of the dwellings (other than <paramref name="self"/>'s) that <paramref name="wish"/> accepts.</summary>
        public List<decimal> Rents(int self, ExchangeWish wish)
        {
            var rents = new List<decimal>();
            var communes = wish.CommuneInseeCodes.Count == 0 ? Communes.Select(c => c.InseeCode) : wish.CommuneInseeCodes;
            var typologies = wish.Typologies == TypologySet.None ? Enum.GetValues<Typology>() : wish.Typologies.Members();
            foreach (var commune in communes)
            {
                foreach (var typology in typologies)
                {
                    foreach (var i in buckets[(commune, typology)])
                    {
                        if (i != self && ExchangeCriteria.Accepts(wish, dwellings[i]))
                        {
                            rents.Add(dwellings[i].RentWithCharges);
                        }
                    }
                }
            }

            return rents;
        }
    }
}
