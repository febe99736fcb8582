// Implementation of cvnicu.h over the system ICU's C API. ICU's documented
// names are used; its version-renaming macros resolve them at compile time.
#include "cvnicu.h"
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/uversion.h>
#include <stdlib.h>
#include <string.h>

void cvn_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, (size_t)capacity);
    if (capacity > 0) buffer[capacity - 1] = 0;
}

void cvn_unicode_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getUnicodeVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, (size_t)capacity);
    if (capacity > 0) buffer[capacity - 1] = 0;
}

int32_t cvn_nfc_quick_check_span(const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    int32_t span = U_SUCCESS(error) ? unorm2_spanQuickCheckYes(nfc, text, length, &error) : 0;
    *status = (int32_t)error;
    return span;
}

static UChar32 code_point_at(const uint16_t *text, int32_t length, int32_t index) {
    UChar32 c;
    U16_GET(text, 0, index, length, c);
    return c;
}

// Moves `index` back to the start of the normalization segment that contains it.
static int32_t segment_start(const UNormalizer2 *nfc, const uint16_t *text, int32_t length, int32_t index) {
    while (index > 0 && index < length && !unorm2_hasBoundaryBefore(nfc, code_point_at(text, length, index))) {
        U16_BACK_1(text, 0, index);
    }
    return index;
}

// The end of the normalization segment that starts at `index`.
static int32_t segment_end(const UNormalizer2 *nfc, const uint16_t *text, int32_t length, int32_t index) {
    U16_FWD_1(text, index, length);
    while (index < length && !unorm2_hasBoundaryBefore(nfc, code_point_at(text, length, index))) {
        U16_FWD_1(text, index, length);
    }
    return index;
}

int32_t cvn_nfc_normalize_mapped(const uint16_t *text, int32_t length,
                                 uint16_t *dest, int32_t *sourceStart, int32_t *sourceEnd,
                                 int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
    int32_t in = 0, out = 0;
    while (in < length) {
        // Copy the already-normalized stretch as it is: one unit maps to one unit.
        int32_t span = unorm2_spanQuickCheckYes(nfc, text + in, length - in, &error);
        if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
        int32_t copyEnd = in + span;
        if (copyEnd < length) copyEnd = segment_start(nfc, text, length, copyEnd);
        if (copyEnd < in) copyEnd = in;
        for (int32_t i = in; i < copyEnd; i++) {
            if (out < capacity) { dest[out] = text[i]; sourceStart[out] = i; sourceEnd[out] = i + 1; }
            out++;
        }
        in = copyEnd;
        if (in >= length) break;
        // Normalize one segment; each of its output units maps to the whole segment.
        int32_t end = segment_end(nfc, text, length, in);
        uint16_t buffer[64];
        int32_t produced = unorm2_normalize(nfc, text + in, end - in, buffer, 64, &error);
        if (error == U_BUFFER_OVERFLOW_ERROR || produced > 64) {
            // A pathological segment (hundreds of marks): copy it unchanged.
            error = U_ZERO_ERROR;
            produced = end - in;
            for (int32_t k = 0; k < produced; k++) {
                if (out < capacity) { dest[out] = text[in + k]; sourceStart[out] = in + k; sourceEnd[out] = in + k + 1; }
                out++;
            }
            in = end;
            continue;
        }
        if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
        for (int32_t k = 0; k < produced; k++) {
            if (out < capacity) { dest[out] = buffer[k]; sourceStart[out] = in; sourceEnd[out] = end; }
            out++;
        }
        in = end;
    }
    *status = 0;
    return out;
}

void cvn_fill_class_table(uint8_t *table) {
    for (UChar32 c = 0; c < 0x10000; c++) {
        uint8_t cls = CVN_CLASS_OTHER;
        if (U_IS_SURROGATE(c)) { table[c] = cls; continue; }
        switch (u_charType(c)) {
        case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER: case U_OTHER_LETTER:
            cls = CVN_CLASS_LETTER; break;
        case U_DECIMAL_DIGIT_NUMBER: cls = CVN_CLASS_DIGIT; break;
        case U_LETTER_NUMBER: case U_OTHER_NUMBER: cls = CVN_CLASS_OTHER_NUMBER; break;
        case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
            cls = CVN_CLASS_MARK; break;
        case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
        case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION:
        case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
            cls = CVN_CLASS_PUNCTUATION; break;
        case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
            cls = CVN_CLASS_SYMBOL; break;
        case U_FORMAT_CHAR: cls = CVN_CLASS_FORMAT; break;
        default: break;
        }
        // Signs that Unicode files under "other punctuation" but that measure or
        // label rather than punctuate: the tokenizer treats them as symbols.
        if (c == '%' || c == 0x2030 || c == 0x2031 || c == '#' || c == '&' || c == '@'
            || c == '*' || c == 0x00A7 || c == 0x2020 || c == 0x2021) {
            cls = CVN_CLASS_SYMBOL;
        }
        if (u_isUWhiteSpace(c)) {
            int newline = c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D
                || c == 0x85 || c == 0x2028 || c == 0x2029;
            cls = newline ? CVN_CLASS_NEWLINE : CVN_CLASS_SPACE;
        }
        if (u_isUUppercase(c)) cls |= CVN_FLAG_UPPER;
        else if (u_isULowercase(c)) cls |= CVN_FLAG_LOWER;
        table[c] = cls;
    }
}

void cvn_fill_fold_table(uint16_t *table) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&error);
    for (UChar32 c = 0; c < 0x10000; c++) {
        if (U_IS_SURROGATE(c)) { table[c] = (uint16_t)c; continue; }
        if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0 || c == 0x0189) {
            table[c] = 'd';
            continue;
        }
        int8_t type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) {
            table[c] = 0;
            continue;
        }
        UChar32 base = c;
        UChar buffer[16];
        UErrorCode decompositionError = U_ZERO_ERROR;
        int32_t length = U_SUCCESS(error)
            ? unorm2_getDecomposition(nfd, c, buffer, 16, &decompositionError) : -1;
        if (length > 0 && U_SUCCESS(decompositionError)) {
            UChar32 first;
            U16_GET(buffer, 0, 0, length, first);
            base = first;
        }
        UChar32 folded = u_foldCase(base, U_FOLD_CASE_DEFAULT);
        table[c] = folded <= 0xFFFF ? (uint16_t)folded : (uint16_t)c;
    }
}

void cvn_fill_lower_table(uint16_t *table) {
    for (UChar32 c = 0; c < 0x10000; c++) {
        UChar32 lower = U_IS_SURROGATE(c) ? c : u_tolower(c);
        table[c] = lower <= 0xFFFF ? (uint16_t)lower : (uint16_t)c;
    }
}

struct CVNBreaker {
    UBreakIterator *iterator;
};

CVNBreaker *cvn_breaker_open(int32_t kind, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIteratorType type = kind == CVN_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, "vi", NULL, 0, &error);
    *status = (int32_t)error;
    if (U_FAILURE(error)) return NULL;
    CVNBreaker *breaker = malloc(sizeof(CVNBreaker));
    if (!breaker) { ubrk_close(iterator); *status = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = iterator;
    return breaker;
}

void cvn_breaker_close(CVNBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t cvn_breaker_boundaries(CVNBreaker *breaker, const uint16_t *text, int32_t length,
                               int32_t *boundaries, int32_t *ruleStatus, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    static const UChar empty[1] = {0};
    ubrk_setText(breaker->iterator, length > 0 ? text : empty, length, &error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
    int32_t count = 0;
    ubrk_first(breaker->iterator);
    for (int32_t b = ubrk_next(breaker->iterator); b != UBRK_DONE; b = ubrk_next(breaker->iterator)) {
        boundaries[count] = b;
        if (ruleStatus) ruleStatus[count] = ubrk_getRuleStatus(breaker->iterator);
        count++;
    }
    // Detach the iterator from the caller's buffer, which may be freed next.
    ubrk_setText(breaker->iterator, empty, 0, &error);
    *status = 0;
    return count;
}
