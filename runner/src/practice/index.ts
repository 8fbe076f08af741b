export { PracticeService, toPrompt, type QuestionPrompt, type FlashcardStats, type QuestionFilter } from "./practice-service.js";
export { drawExam, areaQuotas, isAutoGraded, DEFAULT_EXAM_SIZE } from "./exam-draw.js";
export { scoreExam, type ExamResult } from "./exam-score.js";
export { RATINGS, type RatingName } from "./flashcard-scheduler.js";
export { drawInterview, weakTopics } from "./mock-interview.js";
