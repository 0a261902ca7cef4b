namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// experiments.exp1_covariance_spectrometry.batch_size_analysis of
/// experiments/extended_experiments/all_experiments_results.json (written by run_all_experiments.py:253-269; copied in
/// ../shared/upstream/): kappa by the recipe (RecipeKappa) on the first 8 checkpoints at B = 8, 16, 24, 32, 64. These
/// are the paper's checkpoint kappa table (paper:1348-1357). lambda_min is 1.0000001111620804e-6, float32(1e-6) plus
/// one ulp, in every finite row: the ridge. kappa = inf (B = 64) is printed with lambda 0 (:185-186).
/// </summary>
public static class UpstreamKappaTable
{
    private const double Ridge = 1.0000001111620804e-06, Inf = double.PositiveInfinity;

    public static readonly IReadOnlyList<UpstreamKappaRow> Rows =
    [
        new("strassen_coefficients.pt", 8, 557855.0625, 0.5578551292419434, Ridge),
        new("strassen_coefficients.pt", 16, 811530.875, 0.8115309476852417, Ridge),
        new("strassen_coefficients.pt", 24, 1000000.0, 1.3751473426818848, Ridge),
        new("strassen_coefficients.pt", 32, 678088.0625, 0.6780881285667419, Ridge),
        new("strassen_coefficients.pt", 64, Inf, 0, 0),
        new("strassen_discrete_final.pt", 8, 1.0001667737960815, 1.000166889753018e-06, Ridge),
        new("strassen_discrete_final.pt", 16, 1.0004547834396362, 1.0004548585129669e-06, Ridge),
        new("strassen_discrete_final.pt", 24, 1.0008660554885864, 1.0008661774918437e-06, Ridge),
        new("strassen_discrete_final.pt", 32, 1.0030418634414673, 1.0030420298789977e-06, Ridge),
        new("strassen_discrete_final.pt", 64, Inf, 0, 0),
        new("strassen_exact.pt", 8, 1.0004136562347412, 1.0004138175645494e-06, Ridge),
        new("strassen_exact.pt", 16, 1.0008728504180908, 1.000872998702107e-06, Ridge),
        new("strassen_exact.pt", 24, 1.001904845237732, 1.0019049341281061e-06, Ridge),
        new("strassen_exact.pt", 32, 1.001054286956787, 1.0010544428951107e-06, Ridge),
        new("strassen_exact.pt", 64, Inf, 0, 0),
        new("strassen_float64.pt", 8, 2240.084716796875, 0.002240085043013096, Ridge),
        new("strassen_float64.pt", 16, 24182.64453125, 0.024182647466659546, Ridge),
        new("strassen_float64.pt", 24, 7391.2109375, 0.007391211576759815, Ridge),
        new("strassen_float64.pt", 32, 16962.732421875, 0.01696273498237133, Ridge),
        new("strassen_float64.pt", 64, Inf, 0, 0),
        new("strassen_grokked_weights.pt", 8, 1.0001143217086792, 1.0001144801208284e-06, Ridge),
        new("strassen_grokked_weights.pt", 16, 1.0004229545593262, 1.0004230261984048e-06, Ridge),
        new("strassen_grokked_weights.pt", 24, 1.0033448934555054, 1.0033450053015258e-06, Ridge),
        new("strassen_grokked_weights.pt", 32, 1.0018343925476074, 1.0018344482887187e-06, Ridge),
        new("strassen_grokked_weights.pt", 64, Inf, 0, 0),
        new("strassen_grokkit.pt", 8, 1.0010223388671875, 1.001022496893711e-06, Ridge),
        new("strassen_grokkit.pt", 16, 1.0024322271347046, 1.0024323273682967e-06, Ridge),
        new("strassen_grokkit.pt", 24, 1.0021830797195435, 1.0021832395068486e-06, Ridge),
        new("strassen_grokkit.pt", 32, 1.0064923763275146, 1.0064925390906865e-06, Ridge),
        new("strassen_grokkit.pt", 64, Inf, 0, 0),
        new("strassen_multiscale.pt", 8, 2886.491943359375, 0.002886492293328047, Ridge),
        new("strassen_multiscale.pt", 16, 2195.68603515625, 0.0021956865675747395, 1.0000002248489182e-06),
        new("strassen_multiscale.pt", 24, 18462.00390625, 0.018462006002664566, Ridge),
        new("strassen_multiscale.pt", 32, 5886.6064453125, 0.005886607337743044, Ridge),
        new("strassen_multiscale.pt", 64, Inf, 0, 0),
        new("strassen_result.pt", 8, 1.0790480375289917, 1.0790481610456482e-06, Ridge),
        new("strassen_result.pt", 16, 1.6684190034866333, 1.6684191450622166e-06, Ridge),
        new("strassen_result.pt", 24, 1.2638386487960815, 1.2638388398045208e-06, Ridge),
        new("strassen_result.pt", 32, 2.20307993888855, 2.203080157414661e-06, Ridge),
        new("strassen_result.pt", 64, Inf, 0, 0),
    ];
}
