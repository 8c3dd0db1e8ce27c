using System;
using System.IO;

namespace GptImage.Orchestration
{
    /// <summary>
    /// Export-GptImageBatch: writes results' images under DestinationPath by layout and name template (atomic,
    /// never clobbering unless Force) and appends a manifest row per result. Results without image bytes
    /// that already have a file (New-GptImage -OutputDirectory) are copied from it, checked against their SHA-256.
    /// The manifest is the ledger of the results exported, Failed and NotRun ones included, written by <see cref="Complete"/>.
    /// </summary>
    public sealed class ExportWriter
    {
        private readonly ExportOptions _options;
        private readonly ManifestWriter? _manifest;
        private readonly BatchSummary _totals = new BatchSummary();
        private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
        private readonly PathClaims _claims = new PathClaims();

        public ExportWriter(ExportOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            ThrowIfSwitchesConflict(options);
            if (string.IsNullOrWhiteSpace(options.DestinationPath))
                throw new GptImageValidationException(ErrorIds.InvalidDestinationPath, "DestinationPath", options.DestinationPath, "a folder path");
            FileNamer.ValidateTemplate(options.FileNameTemplate);
            if (options.ManifestPath != null) _manifest = new ManifestWriter(options.ManifestPath);
            WriteProbe.Check(options.DestinationPath, "DestinationPath");
            // An export killed mid-write leaves only temporary files (never a partial image under its final name): sweep them.
            TempFileSweep.RemoveOrphans(options.DestinationPath);
        }

        /// <summary>-Force replaces files and -NoClobber never does: asking for both is a mistake to name before anything is written.</summary>
        public static void ThrowIfSwitchesConflict(ExportOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            if (options.Force && options.NoClobber)
                throw GptImageValidationException.Conflict("Force", "NoClobber",
                    "-Force replaces existing files and -NoClobber never replaces them (the default). Use one of them.");
        }

        /// <summary>
        /// Writes one result (its master in the format of its tier, and a thumbnail when asked; see <see cref="ExportPlanner"/>)
        /// and returns a copy with Path set and Bytes released (for -PassThru). Failed and NotRun results only get a manifest
        /// row. Throws GptImageBatchException (GptImage.FileExists, GptImage.DuplicateFileName: another result of this export
        /// took the name, GptImage.WriteFailed, GptImage.InvalidImage), GptImageValidationException (GptImage.TierNotFound)
        /// or GptImageImageException (bytes that cannot be decoded for a tier) when the image cannot be written; no manifest row then.
        /// </summary>
        public GptImageResult Write(GptImageResult result)
        {
            if (result is null) throw new ArgumentNullException(nameof(result));
            GptImageResult copy = result.Copy();
            bool hasImage = copy.Status == GptImageResult.StatusSucceeded || copy.Status == GptImageResult.StatusCached;
            if (hasImage)
            {
                copy.Bytes ??= ReadExisting(copy);
                copy.Sha256 ??= AtomicFile.Sha256Hex(copy.Bytes);   // before naming: {Hash} is the image's as it came
                ExportFileWriter.Write(copy, ExportPlanner.Plan(copy, _options), _options.Force, _claims);
            }
            try
            {
                _manifest?.Write(copy);
            }
            catch (Exception e) when (WriteFailure.IsWriteError(e))
            {
                throw WriteFailure.For(_manifest!.Path, e, copy.Path is null ? null : $" The image itself was written to '{copy.Path}'.");
            }
            Count(copy);
            return copy;
        }

        /// <summary>Writes the manifest (replacing an earlier run's) and its summary side file; returns the totals of what was exported.</summary>
        public BatchSummary Complete()
        {
            _totals.Elapsed = DateTimeOffset.UtcNow - _started;
            if (_manifest != null && _totals.Submitted > 0) _manifest.Commit();
            return _totals;
        }

        private static byte[] ReadExisting(GptImageResult result)
        {
            if (string.IsNullOrEmpty(result.Path) || !File.Exists(result.Path))
                throw new GptImageBatchException(ErrorIds.InvalidImage,
                    $"Row {result.RowNumber} image {result.Index} has neither image bytes nor an existing file ('{result.Path}').") { Path = result.Path };
            byte[] bytes = File.ReadAllBytes(result.Path);
            if (result.Sha256 != null && AtomicFile.Sha256Hex(bytes) != result.Sha256)
                throw new GptImageBatchException(ErrorIds.InvalidImage,
                    $"The file '{result.Path}' no longer matches the image's SHA-256 {result.Sha256}; it was changed after it was written.") { Path = result.Path };
            return bytes;
        }

        private void Count(GptImageResult r)
        {
            _totals.Submitted++;
            switch (r.Status)
            {
                case GptImageResult.StatusSucceeded:
                    _totals.Succeeded++;
                    _totals.Images++;
                    if (r.Index == 0) _totals.ApiCalls++; // one paid request per row, whatever its image count
                    break;
                case GptImageResult.StatusCached: _totals.Cached++; _totals.Images++; break;
                case GptImageResult.StatusNotRun: _totals.NotRun++; break;
                default: _totals.Failed++; break;
            }
            if (r.CostUsd is decimal cost) _totals.ActualCostUsd += cost;
            if (r.Usage != null && r.Index == 0 && !r.FromCache)
            {
                _totals.InputTokens += r.Usage.InputTokens;
                _totals.OutputTokens += r.Usage.OutputTokens;
            }
        }
    }
}
