using FsCheck;
using FsCheck.Fluent;

namespace StrassenRepro.Tests.Properties;

/// <summary>
/// A property over a 64-bit seed (drawn unsized, so every bit varies), checked by FsCheck for
/// TestBudget.Trials(trials) draws: the expensive properties, which mutation testing runs smaller.
/// </summary>
internal static class Sampled
{
    public static void Holds(int trials, Func<ulong, bool> property) =>
        Prop.ForAll(ArbMap.Default.ArbFor<DoNotSize<ulong>>(), (DoNotSize<ulong> seed) => property(seed.Item))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(TestBudget.Trials(trials)));
}
