namespace CxDashboard.DemoData;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than <see cref="System.Random"/>,
/// whose sequence for a seed is not promised to stay the same across .NET versions: the demo files
/// must stay byte-identical for the same seed.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong state0;
    private ulong state1;
    private ulong state2;
    private ulong state3;

    public DeterministicRandom(ulong seed)
    {
        state0 = SplitMix64(ref seed);
        state1 = SplitMix64(ref seed);
        state2 = SplitMix64(ref seed);
        state3 = SplitMix64(ref seed);
    }

    /// <summary>An independent stream for one concern (e.g. engagement), so tuning one part does not reshuffle another.</summary>
    public static DeterministicRandom ForStream(int seed, string stream) => new(Mix((ulong)(uint)seed, StableHash(stream)));

    /// <summary>Combines two values into a well-spread 64-bit key (SplitMix64's finaliser).</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        var z = a ^ (b * 0x9E3779B97F4A7C15UL) ^ 0xD1B54A32D192ED03UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a: unlike string.GetHashCode it is the same in every process.</summary>
    public static ulong StableHash(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var character in text)
        {
            hash = (hash ^ character) * 0x100000001B3UL;
        }

        return hash;
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(state1 * 5, 7) * 9;
        var shifted = state1 << 17;
        state2 ^= state0;
        state3 ^= state1;
        state1 ^= state2;
        state0 ^= state3;
        state2 ^= shifted;
        state3 = RotateLeft(state3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Uniform in [min, maxInclusive].</summary>
    public int NextInt(int min, int maxInclusive) => min + NextInt(maxInclusive - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>Standard normal (Box–Muller; one value per call keeps the state simple).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Poisson count; normal approximation for large means, where it is indistinguishable.</summary>
    public int NextPoisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 50)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * NextGaussian())));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = NextDouble();
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    public int NextBinomial(int trials, double probability)
    {
        var successes = 0;
        for (var i = 0; i < trials; i++)
        {
            if (Chance(probability))
            {
                successes++;
            }
        }

        return successes;
    }

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Draws an index with probability proportional to its weight.</summary>
internal sealed class WeightedChoice
{
    private readonly double[] cumulative;

    public WeightedChoice(IEnumerable<double> weights)
    {
        cumulative = weights.ToArray();
        for (var i = 1; i < cumulative.Length; i++)
        {
            cumulative[i] += cumulative[i - 1];
        }

        if (cumulative.Length == 0 || cumulative[^1] <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }
    }

    public int Count => cumulative.Length;

    public int Sample(DeterministicRandom random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);

        // Entry i covers [cumulative[i-1], cumulative[i]): an exact hit on a bound belongs to the next entry.
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }
}
