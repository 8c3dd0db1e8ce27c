using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using GptImage.Imaging;
using GptImage.Imaging.Uploads;
using GptImage.Validation;

namespace GptImage.Wire
{
    /// <summary>
    /// Builds the multipart/form-data body of POST /images/edits (CreateImageEditRequest): the text fields,
    /// one `image[]` part per input image and an optional `mask` part. Every part name and file name is
    /// quoted; every file part carries its real type from the bytes, because the API answers
    /// application/octet-stream with 400 unsupported_file_mimetype. Each file is held prepared in memory for the
    /// request's attempts (at most 50 MB an image, as the API takes).
    /// </summary>
    internal sealed class EditMultipartBuilder
    {
        public const string ImagePartName = "image[]";
        public const string MaskPartName = "mask";

        private readonly List<WireField> _fields;
        private readonly IDictionary<string, object?> _additional;
        private readonly List<(ImageInput Input, byte[] Bytes, string MimeType)> _images = new List<(ImageInput, byte[], string)>();
        private readonly (ImageInput Input, byte[] Bytes, string MimeType)? _mask;

        /// <summary>
        /// Prepares each file once (metadata removed, resized to fit: <see cref="UploadPreparer"/>) and learns its type
        /// from the prepared bytes; every attempt sends the same bytes. The request must have passed validation.
        /// </summary>
        public EditMultipartBuilder(ImageEditRequest request)
        {
            _fields = WireFields.For(request);
            _additional = request.AdditionalBody ?? new Dictionary<string, object?>();
            (IReadOnlyList<byte[]> images, byte[]? preparedMask) = UploadPreparer.PrepareAll(request);
            for (int i = 0; i < request.Images.Count; i++) _images.Add((request.Images[i], images[i], MimeOf(request.Images[i], images[i])));
            ImageInput? mask = EditInputRules.EffectiveMask(request);
            if (mask != null && preparedMask != null) _mask = (mask, preparedMask, MimeOf(mask, preparedMask));
        }

        /// <summary>A fresh body for one attempt (each attempt reopens the files; HttpClient disposes the content).</summary>
        public MultipartFormDataContent Build()
        {
            var form = new MultipartFormDataContent("gptimage-" + Guid.NewGuid().ToString("N"));
            foreach (WireField field in _fields)
            {
                var text = new ByteArrayContent(Encoding.UTF8.GetBytes(field.AsFormText()));
                text.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(field.Name) };
                form.Add(text);
            }
            foreach (var extra in _additional)
            {
                var text = new ByteArrayContent(Encoding.UTF8.GetBytes(AdditionalBody.FormText(extra.Value)));
                text.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(extra.Key.Trim()) };
                form.Add(text);
            }
            foreach (var image in _images) form.Add(FilePart(ImagePartName, image.Input, image.Bytes, image.MimeType));
            if (_mask is { } mask) form.Add(FilePart(MaskPartName, mask.Input, mask.Bytes, mask.MimeType));
            return form;
        }

        private static HttpContent FilePart(string name, ImageInput input, byte[] bytes, string mimeType)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = Quote(name),
                FileName = Quote(SafeFileName(input.FileName)),
            };
            part.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
            return part;
        }

        private static string MimeOf(ImageInput input, byte[] bytes) =>
            ImageFormatDetector.MimeType(ImageFormatDetector.Detect(bytes)
                ?? throw new GptImageValidationException(ErrorIds.InvalidImage, "Path", input.ToString(), "a PNG, JPEG or WebP file."));

        private static string Quote(string value) => "\"" + value + "\"";

        /// <summary>
        /// The file name only labels the upload, so it is reduced to printable ASCII without quotes or
        /// backslashes: that needs no header encoding that some servers (and prism) cannot read.
        /// </summary>
        internal static string SafeFileName(string fileName)
        {
            var safe = new StringBuilder(fileName.Length);
            foreach (char c in fileName)
                safe.Append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '_');
            return safe.Length == 0 ? "image" : safe.ToString();
        }
    }
}
