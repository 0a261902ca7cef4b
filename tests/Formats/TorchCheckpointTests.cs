using StrassenRepro.Crystallization;
using StrassenRepro.Formats;
using StrassenRepro.Formats.Pickle;

namespace StrassenRepro.Tests.Formats;

[Trait("Category", "Fast")]
public class TorchCheckpointTests
{
    [Theory]
    [InlineData("strassen_top_level_f32.pt", "ffl-rrr", null)]
    [InlineData("strassen_coefs_transposed_f64.pt", "llf-rrr", "model_state_dict")]
    [InlineData("strassen_shared_storage_view.pt", "ffl-rrr", null)]
    [InlineData("strassen_colmajor_half_bf16.pt", "fff-ccc", null)]
    [InlineData("strassen_big_endian_f64.pt", "ffl-rrr", null)]
    public void Strassen_checkpoints_read_back_as_Strassens_own_coefficients(string file, string layout, string? group)
    {
        var source = SchemeReader.Read(Fixtures.Checkpoint(file));
        source.Format.Should().Be("pt");
        source.Key.Should().Be(group);
        source.Layout.Should().Be(layout);
        source.Scheme.CoefficientsEqual(KnownSchemes.Strassen()).Should().BeTrue();
    }

    [Fact]
    public void A_state_dict_pickle_rebuilds_parameters_and_keeps_its_metadata_attribute_inert()
    {
        var checkpoint = TorchCheckpoint.Read(File.ReadAllBytes(Fixtures.Checkpoint("strassen_top_level_f32.pt")), "f");
        var root = checkpoint.Root.Should().BeOfType<PyDict>().Subject;
        root.Items.Select(kv => kv.Key).Should().Equal("U", "V", "W");
        var u = root.Get("U").Should().BeOfType<TorchTensor>().Subject;
        u.IsParameter.Should().BeTrue();
        u.Size.Should().Equal(7, 4);
        u.Storage.Type.Should().Be(TorchElementType.Float32);
        ((PyDict)root.Attributes.Should().BeOfType<PyDict>().Which.Get("_metadata")!).Get("").Should().BeOfType<PyDict>();
        checkpoint.Archive.Should().Be("archive");
    }

    [Fact]
    public void Extra_entries_of_a_training_checkpoint_are_read_as_plain_values()
    {
        var root = (PyDict)TorchCheckpoint.Read(File.ReadAllBytes(Fixtures.Checkpoint("strassen_coefs_transposed_f64.pt")), "f").Root!;
        root.Get("epoch").Should().Be(1000L);
        ((PyDict)root.Get("config")!).Get("name").Should().Be("strassen");
        ((PyList)root.Get("history")!).Should().Equal(0.5, 0.01, 1e-9);
        var array = root.Get("numpy_extra").Should().BeOfType<NumpyArrayValue>().Subject;
        NumpyArrays.ToNpy(array, "x").Data.Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void A_noisy_rank_8_run_under_module_prefixes_is_found_and_sparsifies_to_Strassen()
    {
        var source = SchemeReader.Read(Fixtures.Checkpoint("trained_like_rank8_module_prefix_f32.pt"));
        source.Key.Should().Be("state_dict.module");
        source.Scheme.Rank.Should().Be(8);
        var report = Verifier.Verify(source.Scheme, new VerificationOptions { TransferLevels = [1, 2] });
        report.Outcome.Should().Be("discrete");
        report.CanonicalStrassen.Should().BeTrue();
        report.Delta.Should().BeInRange(0.001, 0.05);
    }

    [Fact]
    public void A_rescaled_Strassen_is_continuous_and_its_transfer_uses_the_unrounded_coefficients()
    {
        var source = SchemeReader.Read(Fixtures.Checkpoint("continuous_rescaled_f64.pt"));
        var report = Verifier.Verify(source.Scheme, new VerificationOptions { TransferLevels = [1, 2, 3] });
        report.Outcome.Should().Be("continuous");
        report.STheta.Should().Be(0);
        report.TransferOf.Should().Be("unrounded");
        report.Transfer.Should().OnlyContain(t => t.MaxRelErrorF64 < 1e-12);
    }

    [Fact]
    public void A_near_miss_checkpoint_is_read_and_judged_invalid()
    {
        var source = SchemeReader.Read(Fixtures.Checkpoint("near_miss_invalid_f32.pt"));
        Verifier.Verify(source.Scheme, new VerificationOptions { TransferLevels = [1] }).Outcome.Should().Be("invalid");
    }

    [Fact]
    public void The_total_allocation_cap_refuses_storages_that_together_exceed_it()
    {
        var bytes = File.ReadAllBytes(Fixtures.Checkpoint("strassen_top_level_f32.pt"));
        var act = () => TorchCheckpoint.Read(bytes, "f.pt", new PickleLimits { MaxTotalBytes = 600 });
        act.Should().Throw<SchemeFormatException>().WithMessage("*allocation cap*");
    }

    [Fact]
    public void A_legacy_non_zip_checkpoint_is_refused_in_one_line()
    {
        var act = () => SchemeReader.Read(Fixtures.Malicious("legacy_torch_format.pt"));
        act.Should().Throw<SchemeFormatException>().Which.Message.Should().Contain("legacy").And.NotContain("\n");
    }
}
