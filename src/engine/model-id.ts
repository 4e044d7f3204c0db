/**
 * Identifies the embedding space: the descriptor model together with the alignment that feeds
 * it. Embeddings with another id cannot be compared and must be recomputed from thumbnails.
 */
export const EMBEDDING_MODEL_ID = 'dlib-resnet/dlib-chip-68@1';
export const EMBEDDING_DIM = 128;
